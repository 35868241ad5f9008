package org.peersupport.portal.course.control;

import java.time.Instant;
import java.util.function.Function;
import org.peersupport.portal.course.entity.AssessmentTask;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.course.entity.LearningOutcome;
import org.peersupport.portal.course.entity.StoredFile;

/**
 * Turns a course package into a new draft course version and a course version back into a package, so that
 * import(export(course)) gives an equal course. Markdown is kept as imported beside its sanitised HTML; a body
 * edited in the browser (HTML only) is exported as HTML inside the Markdown file, which CommonMark passes
 * through.
 */
public final class CoursePackageMapping {

    private CoursePackageMapping() {
    }

    /**
     * A new draft version of the package's course.
     *
     * @param files stores an exercise file's bytes; called once for each exercise file of each session
     */
    public static Course toCourse(CoursePackage p, int versionNumber, Instant now, Function<ExerciseFile, StoredFile> files) {
        Course course = new Course(p.code(), versionNumber, now);
        Award award = p.award();
        course.describe(p.title(), p.summary(), p.version(), award == null ? null : award.name(),
                award == null ? null : award.scqfLevel(), award == null ? null : award.credits(), p.completion(),
                p.attendanceThreshold());
        if (p.agreement() != null) {
            course.agreeFromMarkdown(p.agreement().markdown(), LessonHtml.fromMarkdown(p.agreement().markdown()),
                    p.agreement().draft());
        }
        for (PackageUnit unit : p.units()) {
            var unitEntity = course.addUnit(unit.code(), unit.title());
            for (PackageOutcome outcome : unit.outcomes()) {
                var outcomeEntity = unitEntity.addOutcome(outcome.code(), outcome.text(), outcome.draft());
                outcome.evidenceRequirements().forEach(e -> outcomeEntity.addEvidenceRequirement(e.code(), e.text(), e.draft()));
            }
        }
        for (PackageSession session : p.sessions()) {
            CourseSession entity = course.addSession(session.slug(), session.title(), session.aims(),
                    session.aboutMarkdown(), LessonHtml.fromMarkdown(session.aboutMarkdown()));
            ContentWarning warning = session.contentWarning();
            if (warning != null) {
                entity.warnAbout(warning.topics(), warning.note());
                warning.signposting().forEach(c -> entity.addSignpost(c.name(), c.phone(), c.text(), c.url(), c.description()));
            }
            session.exerciseFiles().forEach(f -> entity.addExerciseFile(f.title(), f.description(), f.path(), files.apply(f)));
        }
        for (GlossaryEntry entry : p.glossary()) {
            course.addGlossaryTerm(entry.term(), GlossaryLinker.anchorFor(entry.term()), entry.definition(),
                    LessonHtml.fromMarkdown(entry.definition()), entry.restored(), entry.note());
        }
        p.resources().forEach(r -> course.addResource(r.title(), r.url(), r.description()));
        p.assessmentTasks().forEach(t -> course.addAssessmentTask(t.code(), t.title(), t.kind(), t.setAtSession(),
                t.dueAtSession(), t.description(), t.assesses()));
        return course;
    }

    /** The course version as a package; exercise files keep their paths and sizes. */
    public static CoursePackage toPackage(Course c) {
        Award award = c.getAwardName() == null ? null
                : new Award(c.getAwardName(), c.getAwardScqfLevel(), c.getAwardCredits());
        String agreementText = c.getAgreementMarkdown() != null ? c.getAgreementMarkdown() : c.getAgreementHtml();
        ParticipationAgreement agreement = agreementText == null ? null
                : new ParticipationAgreement(agreementText, c.isAgreementDraft());
        return new CoursePackage(c.getCode(), c.getTitle(), c.getSummary(), c.getVersionLabel(), award,
                c.getCompletionMode(), c.getAttendanceThreshold(), agreement,
                c.getUnits().stream().map(u -> new PackageUnit(u.getCode(), u.getTitle(), u.getOutcomes().stream()
                        .map(o -> new PackageOutcome(o.getCode(), o.getText(), o.isDraft(), o.getEvidenceRequirements()
                                .stream().map(e -> new PackageEvidenceRequirement(e.getCode(), e.getText(), e.isDraft()))
                                .toList()))
                        .toList())).toList(),
                c.getSessions().stream().map(CoursePackageMapping::session).toList(),
                c.getGlossary().stream().map(g -> new GlossaryEntry(g.getTerm(),
                        g.getDefinitionMarkdown() != null ? g.getDefinitionMarkdown() : g.getDefinitionHtml(),
                        g.isRestored(), g.getNote())).toList(),
                c.getResources().stream().map(r -> new UsefulResource(r.getTitle(), r.getUrl(), r.getDescription())).toList(),
                c.getAssessmentTasks().stream().map(CoursePackageMapping::task).toList());
    }

    private static PackageSession session(CourseSession s) {
        ContentWarning warning = !s.hasContentWarning() ? null
                : new ContentWarning(s.getWarningTopics(), s.getWarningNote(), s.getSignposting().stream()
                        .map(c -> new SignpostContact(c.getName(), c.getPhone(), c.getTextNumber(), c.getUrl(),
                                c.getDescription()))
                        .toList());
        return new PackageSession(s.getNumber(), s.getSlug(), s.getTitle(), s.getAims(),
                s.getAboutMarkdown() != null ? s.getAboutMarkdown() : s.getAboutHtml(),
                s.getExerciseFiles().stream().map(f -> new ExerciseFile(f.getPath(), f.getTitle(), f.getDescription(),
                        f.getStoredFile().getSize())).toList(),
                warning);
    }

    private static PackageAssessmentTask task(AssessmentTask t) {
        return new PackageAssessmentTask(t.getCode(), t.getTitle(), t.getKind(),
                t.getSetAtSession() == null ? null : t.getSetAtSession().getNumber(),
                t.getDueAtSession() == null ? null : t.getDueAtSession().getNumber(), t.getDescription(),
                t.getAssesses().stream().map(LearningOutcome::getCode).toList());
    }
}
