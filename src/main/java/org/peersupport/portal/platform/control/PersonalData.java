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

    /** Tables the feature owns that hold nothing about a person, each with the reason. */
    default Map<String, String> otherTables() {
        return Map.of();
    }
}
