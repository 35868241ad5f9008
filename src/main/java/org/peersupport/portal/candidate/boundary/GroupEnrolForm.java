package org.peersupport.portal.candidate.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs the directory group form of {@code coordinator/cohort.xhtml}: the members of a directory group who are not
 * on the cohort yet enrolled on it, all or nothing.
 */
@Named
@ViewScoped
public class GroupEnrolForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String SECTION = "group";

    @Inject
    CohortPage page;

    private final SessionBeanRef<Enrolling> enrolling = SessionBeanRef.of(Enrolling.class);

    @Inject
    Messages messages;

    private String group;

    public void enrolGroup() {
        page.focus(SECTION);
        if (group == null || group.isBlank()) {
            messages.error("group:groupName", "cohortAdmin.group.required");
            return;
        }
        try {
            int count = enrolling.get().enrolGroup(page.getId(), group.strip());
            page.confirm(SECTION, count == 0 ? "cohortAdmin.group.none" : "cohortAdmin.group.enrolled", count,
                    group.strip());
            group = null;
        } catch (BusinessException e) {
            messages.refused("group:groupName", e);
        }
        page.refresh();
    }

    public String getGroup() { return group; }
    public void setGroup(String group) { this.group = group; }
}
