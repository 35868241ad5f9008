package org.peersupport.portal.course.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code coordinator/structure.xhtml?course=}: a version's units, learning outcomes and evidence
 * requirements, and its assessment tasks. One item is edited at a time; add forms keep their own fields. The
 * view keeps only ids and form fields: the lists are read again when the view is restored from another request.
 */
@Named
@ViewScoped
public class StructurePage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<CourseStructure> structure = SessionBeanRef.of(CourseStructure.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long course;
    /** What is being edited: "unit:12", "outcome:34", "requirement:56" or "task:78"; null for nothing. */
    private String editing;
    private StructureItemForm edit = new StructureItemForm();
    private AssessmentTaskForm task = new AssessmentTaskForm();
    private StructureItemForm newUnit = new StructureItemForm();
    private final Map<Long, StructureItemForm> newOutcomes = new HashMap<>();
    private final Map<Long, StructureItemForm> newRequirements = new HashMap<>();
    /** Problems by form and field, e.g. "unit:12:code", shown next to the field. */
    private final FieldProblems errors = new FieldProblems();

    private transient StructureHeading heading;
    private transient List<UnitView> units;
    private transient List<AssessmentTaskView> tasks;

    public void load() throws IOException {
        heading = PageLoads.loadOrNotFound(faces, () -> {
            if (course == null) {
                throw new BusinessException("course.notFound", "That course is not available.");
            }
            return structure.get().heading(course);
        });
    }

    // ---------------------------------------------------------------- reading

    public StructureHeading getHeading() {
        if (heading == null && course != null) {
            heading = structure.get().heading(course);
        }
        return heading;
    }

    public List<UnitView> getUnits() {
        if (units == null && course != null) {
            units = structure.get().units(course);
        }
        return units;
    }

    public List<AssessmentTaskView> getTasks() {
        if (tasks == null && course != null) {
            tasks = structure.get().assessmentTasks(course);
        }
        return tasks;
    }

    /** Every outcome of the version, for the tasks' checkboxes. */
    public List<OutcomeView> getOutcomes() {
        return getUnits().stream().flatMap(u -> u.outcomes().stream()).toList();
    }

    public boolean isEditable() {
        return getHeading() != null && heading.draft();
    }

    public boolean editing(String kind, long id) {
        return (kind + ":" + id).equals(editing);
    }

    /** The problem with a form's field, or null; {@code form} and {@code id} name the form, e.g. "unit", 12. */
    public String error(String form, Object id, String field) {
        return errors.get(form + ":" + id + ":" + field);
    }

    public StructureItemForm newOutcomeFor(long unitId) {
        return newOutcomes.computeIfAbsent(unitId, id -> new StructureItemForm());
    }

    public StructureItemForm newRequirementFor(long outcomeId) {
        return newRequirements.computeIfAbsent(outcomeId, id -> new StructureItemForm());
    }

    // ---------------------------------------------------------------- starting and stopping an edit

    public void editUnit(UnitView unit) {
        start("unit:" + unit.unitId());
        edit = new StructureItemForm(unit.code(), unit.title(), false, unit.version());
    }

    public void editOutcome(OutcomeView outcome) {
        start("outcome:" + outcome.outcomeId());
        edit = new StructureItemForm(outcome.code(), outcome.text(), outcome.draft(), outcome.version());
    }

    public void editRequirement(EvidenceRequirementView requirement) {
        start("requirement:" + requirement.requirementId());
        edit = new StructureItemForm(requirement.code(), requirement.text(), requirement.draft(), requirement.version());
    }

    public void editTask(AssessmentTaskView view) {
        start("task:" + view.taskId());
        task = new AssessmentTaskForm();
        task.setTitle(view.title());
        task.setDescription(view.description());
        task.setSetAt(view.setAtSession());
        task.setDueAt(view.dueAtSession());
        task.setOutcomes(new ArrayList<>(view.outcomeCodes()));
        task.setVersion(view.version());
    }

    public void cancel() {
        start(null);
    }

    private void start(String what) {
        editing = what;
        errors.clear();
    }

    // ---------------------------------------------------------------- saving

    public String addUnit() {
        return save("newUnit:0", newUnit, "title", Set.of("code", "title"),
                () -> structure.get().addUnit(course, newUnit.getCode(), newUnit.getText()), "structure.unit.added", newUnit.getCode());
    }

    public String saveUnit(long unitId) {
        return save("unit:" + unitId, edit, "title", Set.of("code", "title"),
                () -> structure.get().updateUnit(unitId, edit.getCode(), edit.getText(), edit.getVersion()), "structure.unit.saved", edit.getCode());
    }

    public String removeUnit(UnitView unit) {
        return remove(() -> structure.get().removeUnit(unit.unitId()), "structure.unit.removed", unit.code());
    }

    public String addOutcome(long unitId) {
        StructureItemForm form = newOutcomeFor(unitId);
        return save("newOutcome:" + unitId, form, "text", Set.of("code", "text"),
                () -> structure.get().addOutcome(unitId, form.getCode(), form.getText(), form.isDraft()), "structure.outcome.added", form.getCode());
    }

    public String saveOutcome(long outcomeId) {
        return save("outcome:" + outcomeId, edit, "text", Set.of("code", "text"),
                () -> structure.get().updateOutcome(outcomeId, edit.getCode(), edit.getText(), edit.isDraft(), edit.getVersion()),
                "structure.outcome.saved", edit.getCode());
    }

    public String removeOutcome(OutcomeView outcome) {
        return remove(() -> structure.get().removeOutcome(outcome.outcomeId()), "structure.outcome.removed", outcome.code());
    }

    public String addRequirement(long outcomeId) {
        StructureItemForm form = newRequirementFor(outcomeId);
        return save("newRequirement:" + outcomeId, form, "text", Set.of("code", "text"),
                () -> structure.get().addEvidenceRequirement(outcomeId, form.getCode(), form.getText(), form.isDraft()),
                "structure.requirement.added", form.getCode());
    }

    public String saveRequirement(long requirementId) {
        return save("requirement:" + requirementId, edit, "text", Set.of("code", "text"),
                () -> structure.get().updateEvidenceRequirement(requirementId, edit.getCode(), edit.getText(), edit.isDraft(),
                        edit.getVersion()), "structure.requirement.saved", edit.getCode());
    }

    public String removeRequirement(EvidenceRequirementView requirement) {
        return remove(() -> structure.get().removeEvidenceRequirement(requirement.requirementId()), "structure.requirement.removed",
                requirement.code());
    }

    public String saveTask(AssessmentTaskView view) {
        String form = "task:" + view.taskId();
        errors.clear();
        if (CourseEdits.blankToNull(task.getTitle()) == null) {
            errors.put(form + ":title", messages.text("structure.title.required"));
        }
        if (CourseEdits.blankToNull(task.getDescription()) == null) {
            errors.put(form + ":description", messages.text("structure.description.required"));
        }
        if (task.getOutcomes() == null || task.getOutcomes().isEmpty()) {
            errors.put(form + ":outcomes", messages.text("structure.outcomes.required"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            structure.get().updateAssessmentTask(view.taskId(), task.getTitle(), task.getDescription(), task.getSetAt(),
                    task.getDueAt(), task.getOutcomes(), task.getVersion());
        } catch (BusinessException e) {
            refused(form, Set.of("title", "description", "setAt", "dueAt", "outcomes"), e);
            return null;
        }
        messages.info(null, "structure.task.saved", task.getTitle());
        return reload();
    }

    private String save(String form, StructureItemForm fields, String textField, Set<String> formFields, Runnable change,
            String doneKey, String code) {
        errors.clear();
        if (CourseEdits.blankToNull(fields.getCode()) == null) {
            errors.put(form + ":code", messages.text("structure.code.required"));
        }
        if (CourseEdits.blankToNull(fields.getText()) == null) {
            errors.put(form + ":" + textField, messages.text("structure." + textField + ".required"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            change.run();
        } catch (BusinessException e) {
            refused(form, formFields, e);
            return null;
        }
        messages.info(null, doneKey, code.strip());
        return reload();
    }

    private String remove(Runnable change, String doneKey, String code) {
        try {
            change.run();
        } catch (BusinessException e) {
            refused(null, Set.of(), e);
            return null;
        }
        messages.info(null, doneKey, code);
        return reload();
    }

    /** Shows the refusal next to the field its key names ("structure.code.taken": code), else at the top. */
    private void refused(String form, Set<String> formFields, BusinessException e) {
        errors.refused(form, formFields, e, messages, faces);
        units = null;
        tasks = null;
    }

    private static String reload() {
        return "structure?faces-redirect=true&includeViewParams=true";
    }

    // ---------------------------------------------------------------- view parameter and forms

    public Long getCourse() {
        return course;
    }

    public void setCourse(Long course) {
        this.course = course;
    }

    public StructureItemForm getEdit() {
        return edit;
    }

    public StructureItemForm getNewUnit() {
        return newUnit;
    }

    public AssessmentTaskForm getTask() {
        return task;
    }
}
