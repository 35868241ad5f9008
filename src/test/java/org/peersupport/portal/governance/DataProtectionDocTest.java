package org.peersupport.portal.governance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

/**
 * docs/data-protection.md carries the data map the features declare (their {@code PersonalData} providers and the
 * bundle's texts), word for word: when a feature's declaration changes, this test fails and prints the table to
 * paste, so the document a trust copies into its DPIA never drifts from the code.
 */
class DataProtectionDocTest {

    private static final List<String> ORDER = List.of("platform", "audit", "identity", "notice", "course", "candidate",
            "portfolio", "assessment", "reporting", "governance");

    @Test
    void theDataMapInTheDocumentIsTheOneTheFeaturesDeclare() throws Exception {
        String doc = Files.readString(Path.of("docs", "data-protection.md"), StandardCharsets.UTF_8);
        String table = dataMap();
        assertTrue(doc.contains(table), "docs/data-protection.md must hold the data map as the features declare it. "
                + "Paste this in place of the table under \"The data map\":\n\n" + table);
        String schedule = retentionSchedule();
        assertTrue(doc.contains(schedule), "docs/data-protection.md must hold the retention schedule as the features "
                + "declare it. Paste this in place of the table under \"The retention schedule\":\n\n" + schedule);
    }

    static String retentionSchedule() throws ReflectiveOperationException {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        StringBuilder table = new StringBuilder("| records | key | default period | counted from | what stays | "
                + "where the default comes from |\n|---|---|---|---|---|---|\n");
        for (PersonalData provider : PersonalDataTextsTest.providers().stream()
                .sorted(Comparator.comparingInt(p -> ORDER.indexOf(p.feature()))).toList()) {
            for (RetentionRule rule : provider.retention()) {
                String key = "retention." + rule.key();
                table.append("| ").append(text.getString(key + ".name")).append(" | `").append(rule.key())
                        .append("` | ").append(rule.defaultPeriod()).append(" | ").append(text.getString(key + ".start"))
                        .append(" | ").append(text.getString(key + ".kept")).append(" | ")
                        .append(text.getString(key + ".source")).append(" |\n");
            }
        }
        String kept = "retention.trainingRecord";
        table.append("| ").append(text.getString(kept + ".name")).append(" | | | ").append(text.getString(kept + ".start"))
                .append(" | ").append(text.getString(kept + ".kept")).append(" | ").append(text.getString(kept + ".source"))
                .append(" |\n");
        return table.toString().replace("\u2019", "'");
    }

    static String dataMap() throws ReflectiveOperationException {
        ResourceBundle text = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);
        StringBuilder table = new StringBuilder(
                "| record | part of the portal | what it holds | who reads it | tables | subject access |\n"
                        + "|---|---|---|---|---|---|\n");
        List<PersonalData> providers = PersonalDataTextsTest.providers().stream()
                .sorted(Comparator.comparingInt(p -> ORDER.indexOf(p.feature()))).toList();
        for (PersonalData provider : providers) {
            for (PersonalRecordClass c : provider.recordClasses()) {
                String export = c.exportSql() == null ? "not exported: " + text.getString("data.class." + c.key()
                        + ".notExported") : text.getString("governance.register.disclosure." + c.disclosure());
                table.append("| ").append(text.getString("data.class." + c.key() + ".name"))
                        .append(" | ").append(text.getString("data.feature." + provider.feature()))
                        .append(" | ").append(text.getString("data.class." + c.key() + ".holds"))
                        .append(" | ").append(text.getString("data.class." + c.key() + ".readers"))
                        .append(" | ").append(String.join(", ", c.tables().stream().map(t -> "`" + t + "`").toList()))
                        .append(" | ").append(export).append(" |\n");
            }
        }
        return table.toString().replace("\u2019", "'");
    }
}
