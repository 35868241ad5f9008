package org.peersupport.portal.governance.control;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the governance role asks of the audit trail: a person (by username, as actor, subject or either), an action
 * (or every read of someone's work), a record (type and number) and a date range in UK dates. It writes its own
 * {@code where} clause with a parameter for every value, never a value in the SQL.
 */
public record AuditQuery(String username, Side side, String action, String subjectType, String subjectId,
        LocalDate from, LocalDate to) implements Serializable {

    /** Which part a person played in the entries asked for. */
    public enum Side {
        EITHER, ACTOR, SUBJECT
    }

    /** The pseudo-action for every read of a candidate's work by someone else. */
    public static final String READS = "READS_OF_WORK";

    /** The actions that record someone reading a candidate's work. */
    public static final List<String> READ_ACTIONS = List.of("EVIDENCE_READ", "EVIDENCE_FILE_READ", "TESTIMONY_READ",
            "SUBMISSION_READ", "SUBMISSION_FILE_READ");

    /** A {@code where} clause and its parameters, in order. */
    public record Where(String sql, List<Object> parameters) {
    }

    public AuditQuery {
        username = blankToNull(username);
        side = side == null ? Side.EITHER : side;
        action = blankToNull(action) == null ? null : action.strip().toUpperCase(Locale.ROOT);
        subjectType = blankToNull(subjectType);
        subjectId = blankToNull(subjectId);
    }

    /** The query a search form or link gives: {@code as} is "actor", "subject" or anything else for either. */
    public static AuditQuery of(String username, String as, String action, String subjectType, String subjectId,
            LocalDate from, LocalDate to) {
        Side side = "actor".equals(as) ? Side.ACTOR : "subject".equals(as) ? Side.SUBJECT : Side.EITHER;
        return new AuditQuery(username, side, action, subjectType, subjectId, from, to);
    }

    public boolean isEmpty() {
        return username == null && action == null && subjectType == null && subjectId == null && from == null
                && to == null;
    }

    /** The clause over {@code audit_entry a}, with dates from the start of {@code from} to the end of {@code to}. */
    public Where where(ZoneId zone) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (username != null) {
            String people = "(select p.id from person p where lower(p.username) = lower(?))";
            switch (side) {
                case ACTOR -> clauses.add("a.actor_id in " + people);
                case SUBJECT -> clauses.add("a.subject_person_id in " + people);
                default -> {
                    clauses.add("(a.actor_id in " + people + " or a.subject_person_id in " + people + ")");
                    parameters.add(username);
                }
            }
            parameters.add(username);
        }
        if (READS.equals(action)) {
            clauses.add("a.action in (" + String.join(", ", READ_ACTIONS.stream().map(x -> "?").toList()) + ")"
                    + " and a.actor_id is distinct from a.subject_person_id");
            parameters.addAll(READ_ACTIONS);
        } else if (action != null) {
            clauses.add("a.action = ?");
            parameters.add(action);
        }
        if (subjectType != null) {
            clauses.add("a.subject_type = ?");
            parameters.add(subjectType);
        }
        if (subjectId != null) {
            clauses.add("a.subject_id = ?");
            parameters.add(subjectId);
        }
        if (from != null) {
            clauses.add("a.occurred_at >= ?");
            parameters.add(java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()));
        }
        if (to != null) {
            clauses.add("a.occurred_at < ?");
            parameters.add(java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return new Where(clauses.isEmpty() ? "true" : String.join(" and ", clauses), parameters);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
