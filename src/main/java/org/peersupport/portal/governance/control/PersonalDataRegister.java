package org.peersupport.portal.governance.control;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * The register the features' declarations make together, and its checks: every table is claimed, either as holding
 * personal data by a record class or as holding none, and no table is both.
 */
public final class PersonalDataRegister {

    private PersonalDataRegister() {
    }

    /** Tables some record class holds personal data in. */
    public static Set<String> personalTables(Collection<PersonalData> features) {
        Set<String> tables = new TreeSet<>();
        for (PersonalData feature : features) {
            for (PersonalRecordClass recordClass : feature.recordClasses()) {
                recordClass.tables().forEach(t -> tables.add(t.toLowerCase(Locale.ROOT)));
            }
        }
        return tables;
    }

    /** Tables a feature declares as holding nothing about a person. */
    public static Set<String> otherTables(Collection<PersonalData> features) {
        Set<String> tables = new TreeSet<>();
        for (PersonalData feature : features) {
            feature.otherTables().keySet().forEach(t -> tables.add(t.toLowerCase(Locale.ROOT)));
        }
        return tables;
    }

    /** Of {@code tables}, those no feature claims either way: each is a table that could slip past governance. */
    public static List<String> unclaimed(Collection<String> tables, Collection<PersonalData> features) {
        Set<String> personal = personalTables(features);
        Set<String> other = otherTables(features);
        return tables.stream().map(t -> t.toLowerCase(Locale.ROOT))
                .filter(t -> !personal.contains(t) && !other.contains(t)).sorted().toList();
    }

    /** Tables declared both as holding personal data and as holding none: a contradiction. */
    public static List<String> contradictions(Collection<PersonalData> features) {
        Set<String> other = otherTables(features);
        return personalTables(features).stream().filter(other::contains).toList();
    }
}
