package org.peersupport.portal.governance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.governance.control.PersonalDataRegister;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * Every feature's declaration of personal data reads in plain English: each feature, record class and exported field
 * has its texts in the bundle, so the register page, the export and docs/data-protection.md never show a key.
 */
class PersonalDataTextsTest {

    private static final ResourceBundle TEXT = ResourceBundle.getBundle(Messages.BUNDLE, Locale.UK);

    /** The first select list of an export query: its columns' labels ({@code ... as label}, or the column's name). */
    private static final Pattern SELECT = Pattern.compile("(?is)^\\s*select\\s+(.*?)\\s+from\\s");

    static List<PersonalData> providers() throws ReflectiveOperationException {
        List<PersonalData> providers = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.peersupport.portal")) {
            if (type.isAssignableTo(PersonalData.class) && !type.isInterface()) {
                providers.add((PersonalData) type.reflect().getDeclaredConstructor().newInstance());
            }
        }
        return providers;
    }

    @Test
    void everyFeatureDeclaresItsDataOnceAndEachFeatureNameIsUnique() throws Exception {
        List<PersonalData> providers = providers();
        Set<String> features = new TreeSet<>();
        providers.forEach(p -> features.add(p.feature()));
        assertEquals(Set.of("platform", "audit", "identity", "notice", "course", "candidate", "portfolio", "assessment",
                "reporting", "governance"), features, "one provider per feature");
        assertEquals(providers.size(), features.size(), "no feature has two providers");
        assertEquals(List.of(), PersonalDataRegister.contradictions(providers));
    }

    @Test
    void everyFeatureClassAndFieldHasItsTexts() throws Exception {
        List<String> missing = new ArrayList<>();
        for (PersonalData provider : providers()) {
            if (!provider.recordClasses().isEmpty()) {
                need(missing, "data.feature." + provider.feature());
            }
            for (PersonalRecordClass c : provider.recordClasses()) {
                for (String part : List.of("name", "holds", "readers")) {
                    need(missing, "data.class." + c.key() + "." + part);
                }
                if (c.exportSql() == null) {
                    need(missing, "data.class." + c.key() + ".notExported");
                    continue;
                }
                for (String label : labels(c.exportSql())) {
                    if (!label.equals("file_id")) {
                        need(missing, "data.field." + label);
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys missing from messages.properties: " + missing);
    }

    @Test
    void theLabelsOfAQueryAreReadAsTheExportNamesItsFields() {
        assertEquals(List.of("id", "title", "decided_by_name", "kind"), labels("""
                select e.id, e.title, coalesce(p.display_name, d.decided_by) as decided_by_name,
                       case when x = 1 then 'a' else 'b' end as kind
                from t"""));
    }

    /** The labels of a query's select list, split at commas outside brackets. */
    static List<String> labels(String sql) {
        Matcher select = SELECT.matcher(sql);
        assertTrue(select.find(), "an export query starts with select ... from: " + sql);
        List<String> labels = new ArrayList<>();
        int depth = 0;
        StringBuilder item = new StringBuilder();
        for (char ch : select.group(1).toCharArray()) {
            depth += ch == '(' ? 1 : ch == ')' ? -1 : 0;
            if (ch == ',' && depth == 0) {
                labels.add(label(item.toString()));
                item.setLength(0);
            } else {
                item.append(ch);
            }
        }
        labels.add(label(item.toString()));
        return labels;
    }

    private static String label(String item) {
        String[] words = item.strip().split("\\s+");
        String last = words[words.length - 1];
        return last.contains(".") ? last.substring(last.indexOf('.') + 1) : last;
    }

    private static void need(List<String> missing, String key) {
        if (!TEXT.containsKey(key)) {
            missing.add(key);
        }
    }
}
