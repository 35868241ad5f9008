package org.peersupport.portal.platform.control;

import java.util.List;
import java.util.Objects;

/**
 * One class of record a feature holds about people (a candidate's evidence, the notices someone received).
 *
 * @param key        names its texts in the bundle ({@code data.class.<key>.name}, {@code .holds}, {@code .purpose},
 *                   {@code .readers}, {@code .retention}) and its part of an export
 * @param tables     the tables it lives in
 * @param disclosure whether the person downloads it themselves or it waits for the governance role's review
 * @param exportSql  the query that reads one person's records for an export, with {@code :person} for their id, one
 *                   row per record and one column per field (a column {@code file_id} with {@code file_name} adds that
 *                   stored file to the export); null when the class is not exported, which {@code .notExported} in
 *                   the bundle explains
 * @param otherPeoplesColumns the columns of a {@link Disclosure#REVIEW} class's export that are about other people
 *                   (a note's author and words, a concern's): what redacting blanks
 */
public record PersonalRecordClass(String key, List<String> tables, Disclosure disclosure, String exportSql,
        List<String> otherPeoplesColumns) {

    /** Who may receive a class of record in a subject access export. */
    public enum Disclosure {
        /** The person reads it in the portal already: their own download includes it. */
        SELF,
        /**
         * It holds other people's personal data (a supervisor's confidential note, a safeguarding concern): only the
         * governance role's export includes it, after deciding to include, redact or withhold it.
         */
        REVIEW
    }

    public PersonalRecordClass {
        Objects.requireNonNull(key);
        tables = List.copyOf(tables);
        Objects.requireNonNull(disclosure);
        otherPeoplesColumns = List.copyOf(otherPeoplesColumns);
    }

    public static PersonalRecordClass self(String key, List<String> tables, String exportSql) {
        return new PersonalRecordClass(key, tables, Disclosure.SELF, exportSql, List.of());
    }

    public static PersonalRecordClass review(String key, List<String> tables, String exportSql,
            List<String> otherPeoplesColumns) {
        return new PersonalRecordClass(key, tables, Disclosure.REVIEW, exportSql, otherPeoplesColumns);
    }

    /** The export query with the person's id in place of every {@code :person}, and how many there are. */
    public String jdbcSql() {
        return exportSql == null ? null : exportSql.replace(":person", "?");
    }

    public int personParameters() {
        return exportSql == null ? 0 : exportSql.split(":person", -1).length - 1;
    }
}
