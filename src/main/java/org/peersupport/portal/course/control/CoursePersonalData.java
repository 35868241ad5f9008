package org.peersupport.portal.course.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * What the course feature holds about a person: the lessons they completed and the course version they read. The
 * course's own content (sessions, outcomes, glossary, resources, exercise files) is about no one.
 */
@ApplicationScoped
public class CoursePersonalData implements PersonalData {

    private static final String CONTENT = "course content written by coordinators, the same for every reader";

    @Override
    public String feature() {
        return "course";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("lessonProgress", List.of("lesson_progress"), """
                        select course_code, session_slug, completed_at
                        from lesson_progress where person_id = :person
                        order by completed_at, id"""),
                PersonalRecordClass.self("courseParticipation", List.of("course_participation"), """
                        select cp.course_code, c.version_number as course_version, cp.started_at, cp.switched_at
                        from course_participation cp join course c on c.id = cp.course_id
                        where cp.person_id = :person
                        order by cp.started_at, cp.id"""));
    }

    @Override
    public Map<String, String> otherTables() {
        return Map.ofEntries(
                Map.entry("course", CONTENT),
                Map.entry("course_unit", CONTENT),
                Map.entry("learning_outcome", CONTENT),
                Map.entry("evidence_requirement", CONTENT),
                Map.entry("course_session", CONTENT),
                Map.entry("signpost_contact", "services signposted in a lesson: organisations' public contact details"),
                Map.entry("exercise_file", CONTENT),
                Map.entry("glossary_term", CONTENT),
                Map.entry("useful_resource", CONTENT),
                Map.entry("assessment_task", CONTENT),
                Map.entry("assessment_task_outcome", CONTENT));
    }

    /** Their progress through the lessons goes. */
    @Override
    public List<String> erasure() {
        return List.of("""
                delete from lesson_progress where person_id = :person""", """
                delete from course_participation where person_id = :person""");
    }
}
