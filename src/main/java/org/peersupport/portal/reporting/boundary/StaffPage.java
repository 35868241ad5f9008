package org.peersupport.portal.reporting.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.reporting.entity.StaffRecord;

/** Backs {@code hr/staff.xhtml?person=...}: a member of staff's printable training record. */
@Named
@RequestScoped
public class StaffPage extends ReportPage {

    @Inject
    Reports reports;

    private String person;
    private StaffRecord record;

    public void load() throws IOException {
        try {
            record = reports.staffRecord(Long.parseLong(person == null ? "" : person.strip()));
        } catch (NumberFormatException | BusinessException e) {
            PageLoads.notFound(faces, messages.text("report.person.notFound"));
        }
    }

    public StaffRecord getRecord() {
        return record;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }
}
