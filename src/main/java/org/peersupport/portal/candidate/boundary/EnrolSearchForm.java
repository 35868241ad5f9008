package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the directory search of {@code coordinator/cohort.xhtml}: people found in the directory by name, email or
 * username, each enrolled on the cohort with one button unless they are on it already. It keeps the last search
 * text; the people found are read again when needed.
 */
@Named
@ViewScoped
public class EnrolSearchForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "search";

    @Inject
    CohortPage page;

    private final SessionBeanRef<Enrolling> enrolling = SessionBeanRef.of(Enrolling.class);

    @Inject
    Messages messages;

    private String searchText;
    private String searched;
    private transient List<StaffMember> found;

    public void search() {
        searched = searchText == null || searchText.isBlank() ? null : searchText.strip();
        found = null;
        page.focus(SECTION);
        if (searched == null) {
            messages.error("search:query", "cohortAdmin.search.required");
        }
    }

    public void enrol(StaffMember person) {
        try {
            enrolling.get().enrol(page.getId(), person.username());
            page.confirm(SECTION, "cohortAdmin.enrolled", person.displayName(), page.getCohort().name());
        } catch (BusinessException e) {
            page.focus(SECTION);
            messages.refused("search:query", e);
        }
        page.refresh();
    }

    public List<StaffMember> getFound() {
        if (found == null && searched != null) {
            found = enrolling.get().searchDirectory(searched);
        }
        return found == null ? List.of() : found;
    }

    /** Whether a person found in the directory is on this cohort already (in any status). */
    public boolean onCohort(StaffMember person) {
        return page.getCandidates().stream()
                .anyMatch(c -> c.enrolment().username().equalsIgnoreCase(person.username()));
    }

    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public String getSearched() { return searched; }
}
