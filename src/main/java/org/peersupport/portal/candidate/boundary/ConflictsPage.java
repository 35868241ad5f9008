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
 * Backs {@code supervisor/conflicts.xhtml}: a supervisor finds a person in the directory and declares a conflict of
 * interest with them (a friend, a relative, their own manager), so the portal never allocates them to assess that
 * person; and sees what they have declared. A declaration stays on record; it cannot be withdrawn here.
 */
@Named
@ViewScoped
public class ConflictsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Allocations> allocations = SessionBeanRef.of(Allocations.class);

    @Inject
    Messages messages;

    private String searchText;
    private String searched;
    private String note;
    private transient List<StaffMember> found;
    private transient List<ConflictView> conflicts;

    public void search() {
        searched = searchText == null || searchText.isBlank() ? null : searchText.strip();
        found = null;
        if (searched == null) {
            messages.error("search:query", "conflicts.search.required");
        }
    }

    public void declare(StaffMember person) {
        try {
            allocations.get().declareConflict(person.username(), note);
            messages.info(null, "conflicts.declared", person.displayName());
            note = null;
            searched = null;
            searchText = null;
        } catch (BusinessException e) {
            messages.refused("declare:note", e);
        }
        found = null;
        conflicts = null;
    }

    /** Whether the supervisor has declared a conflict with this person already. */
    public boolean declared(StaffMember person) {
        return getConflicts().stream().anyMatch(c -> c.username().equalsIgnoreCase(person.username()));
    }

    public List<StaffMember> getFound() {
        if (found == null && searched != null) {
            found = allocations.get().findPeople(searched);
        }
        return found == null ? List.of() : found;
    }

    public List<ConflictView> getConflicts() {
        if (conflicts == null) {
            conflicts = allocations.get().myConflicts();
        }
        return conflicts;
    }

    public String getSearchText() { return searchText; }
    public void setSearchText(String searchText) { this.searchText = searchText; }
    public String getSearched() { return searched; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
