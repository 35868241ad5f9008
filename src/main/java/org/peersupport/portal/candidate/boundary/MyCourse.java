package org.peersupport.portal.candidate.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.peersupport.portal.candidate.entity.EnrolmentStatus;

/**
 * One of the candidate's own enrolments as their home page shows it: the course and cohort, where and when it
 * meets, and (while it is current) the dated schedule. The agreement: {@code agreementHtml} is the course's text
 * (sanitised, its headings under the page's), {@code agreementFrom} the first session's date and time, {@code agreementDue} whether the
 * candidate should accept it now.
 */
public record MyCourse(long enrolmentId, String courseCode, String courseTitle, String cohortName,
        EnrolmentStatus status, String venue, String onlineLink, String facilitators, LocalDate expectedEndDate,
        Instant completedAt, List<ScheduleLine> schedule, String agreementHtml, LocalDateTime agreementFrom,
        Instant agreementAcceptedAt, boolean agreementDue) {

    public boolean current() {
        return status.isCurrent();
    }

    public boolean hasAgreement() {
        return agreementHtml != null && !agreementHtml.isBlank();
    }
}
