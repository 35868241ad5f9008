package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads and checks the manifest's {@code assessmentTasks} section: each task's kind, the sessions
 * it is set and due at, and the outcomes it assesses.
 */
final class AssessmentTaskRules {

    private final ManifestProblems problems;
    private final Set<String> outcomeCodes;
    private final Set<Integer> sessionNumbers;

    /**
     * @param outcomeCodes   the outcome codes the units give, which tasks may assess
     * @param sessionNumbers the session numbers the sessions give, at which tasks may be set and due
     */
    AssessmentTaskRules(ManifestProblems problems, Set<String> outcomeCodes, Set<Integer> sessionNumbers) {
        this.problems = problems;
        this.outcomeCodes = outcomeCodes;
        this.sessionNumbers = sessionNumbers;
    }

    /** The assessment tasks without problems; the others are reported. */
    List<PackageAssessmentTask> read(ManifestFields top) {
        List<PackageAssessmentTask> tasks = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        List<Node> items = top.list("assessmentTasks", false);
        for (int i = 0; i < items.size(); i++) {
            ManifestFields task = top.item(items.get(i), "Assessment task " + (i + 1));
            if (task == null) {
                continue;
            }
            int before = problems.count();
            String code = task.code("code", "Assessment task code");
            task.unique(codes, code, "code", "Assessment task code");
            if (code != null) {
                task.setContext("Assessment task '" + code + "'");
            }
            task.allowOnly("code", "title", "kind", "setAtSession", "dueAtSession", "description", "assesses");
            String title = task.shortText("title", true);
            AssessmentKind kind = kind(task);
            Integer set = task.sessionReference("setAtSession", sessionNumbers);
            Integer due = task.sessionReference("dueAtSession", sessionNumbers);
            if (set != null && due != null && due < set) {
                problems.add(task.line("dueAtSession"), task.context() + " is due at session " + due
                        + ", before it is set at session " + set + ".");
            }
            String description = task.text("description", true);
            List<String> assesses = assesses(task);
            if (problems.count() == before) {
                tasks.add(new PackageAssessmentTask(code, title, kind, set, due, description, assesses));
            }
        }
        return tasks;
    }

    private AssessmentKind kind(ManifestFields task) {
        String kindText = task.text("kind", true);
        if (kindText == null) {
            return null;
        }
        AssessmentKind kind = AssessmentKind.fromPackageValue(kindText).orElse(null);
        if (kind == null) {
            problems.add(task.line("kind"), task.context() + ": kind must be 'essay' or 'portfolio', not '" + kindText + "'.");
        }
        return kind;
    }

    private List<String> assesses(ManifestFields task) {
        List<String> assesses = new ArrayList<>();
        List<Node> outcomeItems = task.list("assesses", true);
        if (outcomeItems.isEmpty() && task.has("assesses")) {
            problems.add(task.keyLine("assesses"), task.context() + ": list the codes of the outcomes it assesses.");
        }
        for (Node item : outcomeItems) {
            String outcome = task.itemText(item, task.context() + ": each outcome it assesses");
            if (outcome == null) {
                continue;
            }
            if (!outcomeCodes.contains(outcome)) {
                problems.add(ManifestYaml.line(item), task.context() + " assesses outcome '" + outcome
                        + "', but no unit has an outcome with that code.");
            } else if (assesses.contains(outcome)) {
                problems.add(ManifestYaml.line(item), task.context() + " lists outcome '" + outcome + "' twice.");
            } else {
                assesses.add(outcome);
            }
        }
        return assesses;
    }
}
