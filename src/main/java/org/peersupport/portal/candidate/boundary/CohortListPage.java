package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import org.peersupport.portal.platform.boundary.ResultPage;

/**
 * Backs the list on {@code coordinator/cohorts.xhtml?search=&ended=&page=}: the cohorts a page at a time, paged in
 * the database, narrowed by a search and, unless asked, without the cohorts that have ended. Plain links and a GET
 * form page and search through it, so every page can be bookmarked.
 */
@Named
@RequestScoped
public class CohortListPage {

    /** Cohorts on one page. */
    public static final int PAGE_SIZE = 25;

    @Inject
    Cohorts cohorts;

    private String search;
    private boolean ended;
    private Integer page;
    private ResultPage<CohortSummary> rows;

    public ResultPage<CohortSummary> getRows() {
        if (rows == null) {
            rows = cohorts.cohortPage(search, ended, page == null ? 1 : page, PAGE_SIZE);
        }
        return rows;
    }

    /** Whether the list is narrowed in any way (then an empty list says nothing matched, not that there are none). */
    public boolean isFiltered() {
        return search != null;
    }

    public String date(LocalDate date) {
        return CohortPages.date(date);
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search == null || search.isBlank() ? null : search.strip();
    }

    public boolean isEnded() {
        return ended;
    }

    public void setEnded(boolean ended) {
        this.ended = ended;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
