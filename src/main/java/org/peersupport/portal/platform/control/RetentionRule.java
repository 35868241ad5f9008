package org.peersupport.portal.platform.control;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How long a feature keeps one class of record about people, and how the records go when the time is up: the
 * feature declares it (through {@link PersonalData#retention()}); the governance feature's daily job finds what is
 * due, skips what a legal hold protects, and runs the purge in a transaction that has declared a redaction, which is
 * the only way the append-only guards of the database let a record's words go (V17).
 *
 * @param key           names its texts in the bundle: {@code retention.<key>.name} (what goes), {@code .start} (the
 *                      event the period counts from), {@code .kept} (what stays) and {@code .source} (the line of the
 *                      NHS Records Management Code of Practice the default comes from)
 * @param defaultPeriod the period after the start event, unless {@code portal.retention.periods} says otherwise
 * @param recordsSql    the records not yet purged, one row each, with the columns {@code record_id},
 *                      {@code person_id} (whom it is about), {@code other_person_id} (another person a hold on whom
 *                      also keeps it, or null), {@code enrolment_id} (or null) and {@code started_at} (the start event)
 * @param purgeSql      the statements that purge the records, each with one parameter, {@code ?}, the array
 *                      ({@code bigint[]}) of their ids, run in order in one transaction
 */
public record RetentionRule(String key, Period defaultPeriod, String recordsSql, List<String> purgeSql) {

    /** The statuses in which an enrolment has ended: the start event of the records of a course place. */
    public static final String ENDED = "e.status in ('COMPLETED', 'WITHDRAWN', 'DEFERRED')";

    public RetentionRule {
        Objects.requireNonNull(key);
        Objects.requireNonNull(defaultPeriod);
        Objects.requireNonNull(recordsSql);
        purgeSql = List.copyOf(purgeSql);
        if (purgeSql.isEmpty()) {
            throw new IllegalArgumentException("a retention rule purges something: " + key);
        }
    }

    /**
     * Reads {@code portal.retention.periods}: comma-separated {@code key=period} pairs, each period in ISO 8601
     * ({@code P6Y}, {@code P18M}); throws {@link IllegalArgumentException} saying what is wrong.
     */
    public static Map<String, Period> parsePeriods(String value) {
        Map<String, Period> periods = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return periods;
        }
        for (String pair : value.split(",")) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("'" + pair.strip() + "' is not key=period, e.g. evidence=P6Y");
            }
            try {
                Period period = Period.parse(parts[1].strip());
                if (period.isNegative() || period.isZero()) {
                    throw new IllegalArgumentException("the period of " + parts[0].strip() + " must be positive");
                }
                periods.put(parts[0].strip(), period);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + parts[1].strip() + "' is not an ISO 8601 period, e.g. P6Y");
            }
        }
        return periods;
    }
}
