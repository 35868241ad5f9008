package org.peersupport.portal.course.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.nodes.Node;

/** Reads and checks the manifest's {@code units} section: units, their outcomes and evidence requirements. */
final class UnitRules {

    private final ManifestProblems problems;
    private final Map<String, Integer> unitCodes = new HashMap<>();
    private final Map<String, Integer> outcomeCodes = new HashMap<>();
    private final Map<String, Integer> evidenceCodes = new HashMap<>();
    /** Outcome codes written in the manifest, even where the outcome has other problems. */
    private final Set<String> outcomeCodesSeen = new HashSet<>();

    UnitRules(ManifestProblems problems) {
        this.problems = problems;
    }

    /** The units without problems; the others are reported. */
    List<PackageUnit> read(ManifestFields top) {
        List<PackageUnit> units = new ArrayList<>();
        List<Node> items = top.list("units", false);
        for (int i = 0; i < items.size(); i++) {
            ManifestFields unit = top.item(items.get(i), "Unit " + (i + 1) + " in the list");
            if (unit == null) {
                continue;
            }
            int before = problems.count();
            String code = unit.code("code", "Unit code");
            unit.unique(unitCodes, code, "code", "Unit code");
            String context = code == null ? "Unit " + (i + 1) + " in the list" : "Unit '" + code + "'";
            unit.setContext(context);
            unit.allowOnly("code", "title", "outcomes");
            String title = unit.shortText("title", true);
            List<Node> outcomeItems = unit.list("outcomes", true);
            if (outcomeItems.isEmpty() && unit.has("outcomes")) {
                problems.add(unit.keyLine("outcomes"), context + " has no outcomes. List at least one.");
            }
            List<PackageOutcome> outcomes = new ArrayList<>();
            for (int j = 0; j < outcomeItems.size(); j++) {
                PackageOutcome outcome = outcome(unit, outcomeItems.get(j), j + 1);
                if (outcome != null) {
                    outcomes.add(outcome);
                }
            }
            if (problems.count() == before) {
                units.add(new PackageUnit(code, title, outcomes));
            }
        }
        return units;
    }

    /** The outcome codes the manifest's units give, including those of outcomes with problems. */
    Set<String> outcomeCodesSeen() {
        return Collections.unmodifiableSet(outcomeCodesSeen);
    }

    private PackageOutcome outcome(ManifestFields unit, Node node, int position) {
        String unitContext = unit.context();
        ManifestFields outcome = unit.item(node, unitContext + ", outcome " + position);
        if (outcome == null) {
            return null;
        }
        int before = problems.count();
        String code = outcome.code("code", "Outcome code");
        outcome.unique(outcomeCodes, code, "code", "Outcome code");
        if (code != null) {
            outcomeCodesSeen.add(code);
            outcome.setContext(unitContext + ", outcome '" + code + "'");
        }
        outcome.allowOnly("code", "text", "draft", "evidenceRequirements");
        String text = outcome.text("text", true);
        boolean draft = outcome.flag("draft");
        List<PackageEvidenceRequirement> requirements = new ArrayList<>();
        List<Node> items = outcome.list("evidenceRequirements", false);
        for (int k = 0; k < items.size(); k++) {
            PackageEvidenceRequirement requirement = evidenceRequirement(outcome, items.get(k), k + 1);
            if (requirement != null) {
                requirements.add(requirement);
            }
        }
        return problems.count() == before ? new PackageOutcome(code, text, draft, requirements) : null;
    }

    private PackageEvidenceRequirement evidenceRequirement(ManifestFields outcome, Node node, int position) {
        ManifestFields evidence = outcome.item(node, outcome.context() + ", evidence requirement " + position);
        if (evidence == null) {
            return null;
        }
        int before = problems.count();
        evidence.allowOnly("code", "text", "draft");
        String code = evidence.code("code", "Evidence requirement code");
        evidence.unique(evidenceCodes, code, "code", "Evidence requirement code");
        String text = evidence.text("text", true);
        boolean draft = evidence.flag("draft");
        return problems.count() == before ? new PackageEvidenceRequirement(code, text, draft) : null;
    }
}
