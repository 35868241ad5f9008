package org.peersupport.portal.candidate.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.peersupport.portal.platform.boundary.ResultPage;

/**
 * Backs {@code hr/index.xhtml?name=&page=}: the enrolments HR may see (names, departments, courses, cohorts, statuses and
 * dates), one page at a time, paged in the database, narrowed by name when HR looks someone up. Plain links page through it, so every page can be bookmarked.
 */
@Named
@RequestScoped
public class HrRecordsPage {

    /** Rows on one page. */
    public static final int PAGE_SIZE = 25;

    @Inject
    HrRecords hrRecords;

    private Integer page;
    private String name;
    private ResultPage<HrRecord> rows;

    public ResultPage<HrRecord> getRows() {
        if (rows == null) {
            rows = hrRecords.hrRecordPage(name, page == null ? 1 : page, PAGE_SIZE);
        }
        return rows;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null || name.isBlank() ? null : name.strip();
    }
}
