package org.peersupport.portal.reporting.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.UkTime;
import org.peersupport.portal.reporting.entity.ReportFilter;

/**
 * What the HR report pages share: the filter parameters from the URL ({@code f:viewParam}), read once into a
 * {@link ReportFilter} with a message next to each field that could not be read, links that keep the filters, and
 * dates as people in the UK read them.
 */
abstract class ReportPage {

    static final DateTimeFormatter DATE = UkTime.DATE_SHORT;

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    String organisation;
    String department;
    String course;
    String cohort;
    String from;
    String to;
    String measure;
    String month;

    ReportParameters parameters;
    ReportFilter filter = ReportFilter.ALL;

    /** Reads the parameters; each problem is a message on the field it belongs to. Returns whether all were read. */
    boolean readParameters() {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("organisation", organisation);
        raw.put("department", department);
        raw.put("course", course);
        raw.put("cohort", cohort);
        raw.put("from", from);
        raw.put("to", to);
        raw.put("measure", measure);
        raw.put("month", month);
        parameters = new ReportParameters(raw::get);
        filter = parameters.filter();
        parameters.measure();
        parameters.month();
        for (Map.Entry<String, String> problem : parameters.problems().entrySet()) {
            String text = messages.text(problem.getValue());
            faces.addMessage(problem.getKey(), new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return parameters.ok();
    }

    /** The message for one filter field, or null. */
    public String problem(String field) {
        return faces.getMessageList(field).stream().findFirst().map(FacesMessage::getSummary).orElse(null);
    }

    /** The filter parameters in force, with more parameters added or replaced. */
    Map<String, Object> filterParameters(Object... more) {
        Map<String, Object> query = new LinkedHashMap<>(filter.parameters());
        for (int i = 0; i + 1 < more.length; i += 2) {
            query.put((String) more[i], more[i + 1]);
        }
        return query;
    }

    String url(String page, Map<String, Object> query) {
        String q = ReportParameters.query(query);
        return faces.getExternalContext().getRequestContextPath() + page + (q.isEmpty() ? "" : "?" + q);
    }

    /** A date or an instant as a UK date ("3 Mar 2026"), or a dash; one method, as EL cannot choose an overload for null. */
    public String date(Object value) {
        if (value instanceof LocalDate date) {
            return DATE.format(date);
        }
        if (value instanceof Instant instant) {
            return DATE.format(instant.atZone(UkTime.ZONE));
        }
        return "—";
    }

    /** The department as people read it: "Not recorded" for people without one. */
    public String departmentName(String value) {
        return value == null || ReportFilter.NOT_RECORDED.equals(value) ? messages.text("report.department.notRecorded")
                : value;
    }

    public ReportFilter getFilter() {
        return filter;
    }

    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getCourse() { return course; }
    public void setCourse(String course) { this.course = course; }
    public String getCohort() { return cohort; }
    public void setCohort(String cohort) { this.cohort = cohort; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public String getMeasure() { return measure; }
    public void setMeasure(String measure) { this.measure = measure; }
    public String getMonth() { return month; }
    public void setMonth(String month) { this.month = month; }
}
