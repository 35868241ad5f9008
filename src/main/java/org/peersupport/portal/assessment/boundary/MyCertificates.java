package org.peersupport.portal.assessment.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.peersupport.portal.platform.control.UkTime;

/** Backs the certificates section of the candidate's home page: a download link for each completed enrolment. */
@Named
@RequestScoped
public class MyCertificates {

    private static final DateTimeFormatter DATE = UkTime.DATE;

    @Inject
    Certificates certificates;

    private List<CertificateSummary> list;

    public List<CertificateSummary> getCertificates() {
        if (list == null) {
            list = certificates.mine();
        }
        return list;
    }

    public String date(LocalDate date) {
        return DATE.format(date);
    }
}
