package org.peersupport.portal.platform.control;

import java.util.List;
import java.util.Map;

/**
 * What one feature holds about people, declared by the feature itself (one CDI bean per feature, found by the
 * governance feature through {@code Instance<PersonalData>}): each class of record, the tables it lives in and how a
 * subject access export reads it, and the feature's other tables, which hold nothing about a person. A test walks
 * the database schema and the JPA metamodel and fails on a table or entity that no feature claims, so a new table
 * cannot slip past (see {@code governance.PersonalDataCoverageIT}).
 *
 * <p>A record class's name, what it holds, why, who reads it and how long it is kept are texts in the message bundle
 * under {@code data.class.<key>.*}; the field names of its export under {@code data.field.<column>}.
 */
public interface PersonalData {

    /** The feature's name: its section of an export and its JSON file, e.g. {@code portfolio}. */
    String feature();

    /** The classes of record the feature holds about people. */
    List<PersonalRecordClass> recordClasses();

    /** How long the feature keeps each class of record it lets go, and how it goes (none by default). */
    default List<RetentionRule> retention() {
        return List.of();
    }

    /**
     * The statements that erase a person from the feature's tables, run in one transaction that has declared a
     * redaction (the only way the append-only guards let a name or a word go): delete what is about the person,
     * blank their words in records that stay as facts, and replace their username where other people's records say
     * who acted. Named parameters: {@code :person} (their id), {@code :username}, {@code :name} (their display name),
     * {@code :erased} (the text that replaces their username, {@code erased-<id>}) and {@code :erasedName} (what
     * replaces their name where a record must name someone).
     */
    default List<String> erasure() {
        return List.of();
    }

    /** Tables the feature owns that hold nothing about a person, each with the reason. */
    default Map<String, String> otherTables() {
        return Map.of();
    }
}
