package org.peersupport.portal.course.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Peer2Peer course package as shipped in deployment/courses/peer2peer. */
class Peer2PeerPackageTest {

    private LoadedCoursePackage loaded;
    private CoursePackage course;

    @BeforeEach
    void readPeer2Peer() throws CoursePackageException {
        loaded = new CoursePackageReader().read(TestPackages.PEER2PEER);
        course = loaded.coursePackage();
    }

    @AfterEach
    void close() {
        loaded.close();
    }

    @Test
    void describesTheCourseAndItsAward() {
        assertEquals("PEER2PEER", course.code());
        assertEquals("Peer2Peer", course.title());
        assertEquals(CompletionMode.MANUAL, course.completion());
        assertEquals("Professional Development Award in Mental Health Peer Support", course.award().name());
        assertEquals(7, course.award().scqfLevel());
        assertEquals(List.of("Mental Health Peer Support: Recovery Context", "Mental Health Peer Support: Developing Practice"),
                course.units().stream().map(PackageUnit::title).toList());
    }

    @Test
    void hasTheElevenSessionsInTheSourceOrder() {
        assertEquals(List.of("Introduction", "What is Recovery?", "Personal Recovery", "What is Peer Support?",
                "The Peer Relationship", "Review and Evaluation", "Use of Language and Communications",
                "Using Your Experiences Effectively", "Surviving and Thriving", "Positive Risk Taking and Boundaries",
                "Review and Evaluation"), course.sessions().stream().map(PackageSession::title).toList());
        assertEquals(IntStream.rangeClosed(1, 11).boxed().toList(),
                course.sessions().stream().map(PackageSession::number).toList());
    }

    @Test
    void keepsEachSessionsAimsAsTheSourceGivesThem() {
        assertEquals("This session will introduce students to the course and through the use of exercises promote general "
                + "discussion encouraging the students to begin to get to know each other. The session will cover "
                + "confidentiality, participation, commitment and a general overview of the course.",
                course.session(1).orElseThrow().aims());
        assertTrue(course.session(6).orElseThrow().aims().endsWith("The first assessment task is a written assignment in "
                + "essay format where students consider their personal recovery story in relation to the recovery "
                + "approach and the role of peer support."));
        assertTrue(course.session(10).orElseThrow().aims().endsWith(
                "students will deal with the difficult topics of trauma, suicidality and risk."));
        assertTrue(course.session(11).orElseThrow().aims().contains("discuss the final assignment."));
    }

    @Test
    void sessionsWithOnlyAimsInTheSourceShowThoseAimsAsTheirLesson() {
        for (PackageSession session : course.sessions()) {
            if (session.number() != 2) {
                assertEquals(session.aims(), session.aboutMarkdown(), "session " + session.number());
            }
        }
    }

    @Test
    void session2CarriesTheWholeWhatIsRecoveryLesson() {
        String lesson = course.session(2).orElseThrow().aboutMarkdown();
        List<String> everyParagraph = List.of(
                "To understand the unique role that peer support can play in promoting and supporting mental health recovery",
                "was instrumental in the creation of new peer worker roles around the world.",
                "Before we look at historical influences we should consider two core elements of the recovery approach.",
                "The first is that it is based on a fundamental belief that everyone has the potential for recovery — no "
                        + "matter how long-term or serious their mental health problem.",
                "Secondly the approach is based on learning directly from people who are in recovery",
                "This may sound like an obvious thing to do, but in reality it can lead to significant changes",
                "have become a driving force in mental health policy and practice internationally.",
                "Firstly it is important to keep in mind that people have always recovered from mental health problems. "
                        + "What has changed is the emphasis on recovery as a way of improving services and experiences.",
                "- Long term outcome research\n- Activism and the rights based approach\n"
                        + "- Sharing experiences and recovery narratives\n- Social perspectives in mental health",
                "Long-term outcome studies involve tracking people over time to review their mental health.",
                "their findings, while variable, have consistently identified significant numbers of people recovering.",
                "This provides a more encouraging picture of the course of schizophrenia than the traditional view first "
                        + "described by eminent psychiatrist, Emil Kraepelin (1856–1926).",
                "In the second half of the last century, there was a move to close large psychiatric institutions",
                "A series of long-term outcome studies were developed around the world to assess people’s progress over time.",
                "Perhaps the most widely cited study is the Vermont Longitudinal Study of Persons with Severe Mental Illness",
                "25 years after their first assessment, having undergone a rehabilitation and community aftercare programme.",
                "Sixty-eight per cent of the study’s sample was rated as functioning above a level of ‘mild impairment’ and "
                        + "fifty-five per cent received a rating of ‘slight or no impairment’.",
                "A Scottish Recovery Network discussion paper is available for further reading on this subject.",
                "- The phenomenon of ‘late recovery’ in schizophrenia\n- World Health Organisation research",
                "- the limitations of outcome studies and the extent to which measures used fit the unique and personal "
                        + "nature of recovery");
        assertAll(everyParagraph.stream().map(text -> () -> assertTrue(lesson.contains(text), "missing: " + text)));
        assertEquals(15, lesson.split("\n\n").length, "paragraphs and lists");
        assertEquals(8, lesson.lines().filter(l -> l.startsWith("- ")).count(), "bullet points");
        assertFalse(lesson.contains("\u00a0"), "no non-breaking spaces left from the extraction");
        assertFalse(lesson.contains("•"), "bullets are Markdown lists");
    }

    @Test
    void glossaryHasEveryTermWithTheThreeMissingHeadingsRestored() {
        assertEquals(List.of("Evidence requirements", "Learning outcomes", "Mental health problems", "Peer support",
                "Peer support worker", "Portfolio of evidence", "Psychodrama", "Recovery", "Candidate", "Video therapy",
                "Vocational training"), course.glossary().stream().map(GlossaryEntry::term).toList());
        List<GlossaryEntry> restored = course.glossary().stream().filter(GlossaryEntry::restored).toList();
        assertEquals(List.of("Psychodrama", "Recovery", "Candidate"), restored.stream().map(GlossaryEntry::term).toList());
        restored.forEach(entry -> assertTrue(entry.note().contains("heading was missing in the source"), entry.term()));
        GlossaryEntry candidate = restored.get(2);
        assertEquals("The person undertaking this course.", candidate.definition());
        assertTrue(restored.get(1).definition().startsWith("Recovery is being able to live a meaningful and satisfying life"));
        assertTrue(restored.get(1).definition().contains("mental health problems or illness"), "extraction artefact fixed");
    }

    @Test
    void session10WarnsOfItsDifficultTopicsAndSignpostsSupport() {
        ContentWarning warning = course.session(10).orElseThrow().contentWarning();
        assertEquals(List.of("trauma", "suicidality", "risk"), warning.topics());
        SignpostContact samaritans = warning.signposting().stream()
                .filter(c -> c.name().equals("Samaritans")).findFirst().orElseThrow();
        assertEquals("116 123", samaritans.phone());
        assertTrue(samaritans.description().contains("24 hours"));
        assertTrue(warning.signposting().stream().anyMatch(c -> "85258".equals(c.text())), "Shout by text");
        assertTrue(warning.signposting().stream().anyMatch(c -> "999".equals(c.phone())), "emergency");
        course.sessions().stream().filter(s -> s.number() != 10)
                .forEach(s -> assertNull(s.contentWarning(), "session " + s.number()));
    }

    @Test
    void outcomesAndEvidenceRequirementsAreDraftsForTheCentreToConfirm() {
        List<PackageOutcome> outcomes = course.units().stream().flatMap(u -> u.outcomes().stream()).toList();
        assertFalse(outcomes.isEmpty());
        outcomes.forEach(o -> {
            assertTrue(o.draft(), o.code());
            assertFalse(o.evidenceRequirements().isEmpty(), o.code());
            o.evidenceRequirements().forEach(e -> assertTrue(e.draft(), e.code()));
        });
        assertTrue(course.agreement().draft());
        assertTrue(course.agreement().markdown().contains("## Confidentiality"));
        assertTrue(course.agreement().markdown().contains("## Participation"));
        assertTrue(course.agreement().markdown().contains("## Commitment"));
    }

    @Test
    void essayIsSetAtSession6ForRecoveryContextAndPortfolioIsDueAtSession11ForDevelopingPractice() {
        PackageAssessmentTask essay = course.assessmentTasks().get(0);
        assertEquals(AssessmentKind.ESSAY, essay.kind());
        assertEquals(6, essay.setAtSession());
        assertTrue(essay.description().contains("personal recovery story"));
        assertEquals(outcomeCodes(course.units().get(0)), essay.assesses());

        PackageAssessmentTask portfolio = course.assessmentTasks().get(1);
        assertEquals(AssessmentKind.PORTFOLIO, portfolio.kind());
        assertEquals(11, portfolio.dueAtSession());
        assertEquals(outcomeCodes(course.units().get(1)), portfolio.assesses());
    }

    @Test
    void offersOnePortalProvidedExerciseFileThatDownloads() throws Exception {
        List<ExerciseFile> files = course.exerciseFiles();
        assertEquals(1, files.size());
        ExerciseFile log = files.get(0);
        assertEquals(List.of(log), course.session(6).orElseThrow().exerciseFiles());
        assertTrue(log.description().startsWith("A portal-provided template, not part of the Peer2Peer source text."));
        byte[] bytes = TestPackages.bytesOf(loaded, log);
        assertEquals(log.size(), bytes.length);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("# Reflective log"));
        assertEquals("reflective-log.md", log.fileName());
    }

    @Test
    void usefulResourcesNameTheWorksTheSourceCites() {
        assertTrue(course.resources().stream().anyMatch(r -> r.title().startsWith("Evidence of Recovery")));
        course.resources().forEach(r -> assertNull(r.url(), "the source gives no web addresses: " + r.title()));
    }

    private static List<String> outcomeCodes(PackageUnit unit) {
        return unit.outcomes().stream().map(PackageOutcome::code).toList();
    }
}
