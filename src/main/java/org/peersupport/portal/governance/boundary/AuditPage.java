package org.peersupport.portal.governance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.peersupport.portal.governance.control.AuditQuery;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.ResultPage;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code governance/audit.xhtml}: the audit trail searched with a GET form (so a search is a link the officer
 * can keep), every value kept as typed, a date that is not one explained next to its field.
 */
@Named
@RequestScoped
public class AuditPage {

    @Inject
    AuditSearch search;

    @Inject
    Messages messages;

    private String person;
    private String as;
    private String action;
    private String record;
    private String number;
    private String from;
    private String to;
    private int page = 1;
    private ResultPage<AuditSearch.Line> result;
    private String fromError;
    private String toError;
    private String refusal;

    public ResultPage<AuditSearch.Line> getResult() {
        if (result == null && refusal == null) {
            LocalDate fromDate = date(from, true);
            LocalDate toDate = date(to, false);
            if (fromError != null || toError != null) {
                return null;
            }
            try {
                result = search.search(query(fromDate, toDate), page);
            } catch (BusinessException e) {
                refusal = messages.text(e);
            }
        }
        return result;
    }

    /** The same search as a query string, for the CSV link and the pager. */
    public String getQueryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("person", person);
        values.put("as", as);
        values.put("action", action);
        values.put("record", record);
        values.put("number", number);
        values.put("from", from);
        values.put("to", to);
        return values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    AuditQuery query(LocalDate fromDate, LocalDate toDate) {
        return AuditQuery.of(person, as, action, record, number, fromDate, toDate);
    }

    /** A date from the form, or null; a text that is no date sets the field's message. */
    private LocalDate date(String text, boolean isFrom) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            if (isFrom) {
                fromError = messages.text("audit.date.invalid");
            } else {
                toError = messages.text("audit.date.invalid");
            }
            return null;
        }
    }

    public String getFromError() {
        getResult();
        return fromError;
    }

    public String getToError() {
        getResult();
        return toError;
    }

    public String getRefusal() {
        getResult();
        return refusal;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public String getAs() {
        return as;
    }

    public void setAs(String as) {
        this.as = as;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getRecord() {
        return record;
    }

    public void setRecord(String record) {
        this.record = record;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(1, page);
    }
}
