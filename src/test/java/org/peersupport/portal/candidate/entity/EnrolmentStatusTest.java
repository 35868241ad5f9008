package org.peersupport.portal.candidate.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.peersupport.portal.platform.control.BusinessException;

/** Issue 4: the enrolment lifecycle, every legal and illegal move, and "stop the clock". */
class EnrolmentStatusTest {

    private static final Map<EnrolmentStatus, Set<EnrolmentStatus>> LEGAL = Map.of(
            EnrolmentStatus.ENROLLED, EnumSet.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DEFERRED),
            EnrolmentStatus.ACTIVE, EnumSet.of(EnrolmentStatus.PAUSED, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DEFERRED,
                    EnrolmentStatus.COMPLETED),
            EnrolmentStatus.PAUSED, EnumSet.of(EnrolmentStatus.ACTIVE, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DEFERRED),
            EnrolmentStatus.WITHDRAWN, EnumSet.noneOf(EnrolmentStatus.class),
            EnrolmentStatus.DEFERRED, EnumSet.noneOf(EnrolmentStatus.class),
            EnrolmentStatus.COMPLETED, EnumSet.noneOf(EnrolmentStatus.class));

    @ParameterizedTest
    @EnumSource(EnrolmentStatus.class)
    void issue4_everyMoveFromEachStatusIsAllowedOrRefusedAsTheLifecycleSays(EnrolmentStatus from) {
        for (EnrolmentStatus to : EnrolmentStatus.values()) {
            if (LEGAL.get(from).contains(to)) {
                assertTrue(from.canMoveTo(to), from + " -> " + to);
                assertDoesNotThrow(() -> from.requireMoveTo(to, "a reason"), from + " -> " + to);
            } else {
                BusinessException refused = assertThrows(BusinessException.class, () -> from.requireMoveTo(to, "a reason"),
                        from + " -> " + to);
                assertEquals("enrolment.transition.illegal", refused.key());
                assertTrue(refused.getMessage().startsWith("An enrolment that is " + from.label() + " cannot become "
                        + to.label() + ": "), refused.getMessage());
            }
        }
    }

    @Test
    void issue4_theRefusalSaysWhatIsPossible() {
        assertEquals("An enrolment that is paused cannot become completed: it can only become active or withdrawn or deferred.",
                assertThrows(BusinessException.class, () -> EnrolmentStatus.PAUSED.requireMoveTo(EnrolmentStatus.COMPLETED, null))
                        .getMessage());
        assertEquals("An enrolment that is withdrawn cannot become active: it cannot change any more.",
                assertThrows(BusinessException.class, () -> EnrolmentStatus.WITHDRAWN.requireMoveTo(EnrolmentStatus.ACTIVE, "x"))
                        .getMessage());
    }

    @Test
    void issue4_pausingWithdrawingAndDeferringNeedAReason() {
        for (EnrolmentStatus to : EnumSet.of(EnrolmentStatus.PAUSED, EnrolmentStatus.WITHDRAWN, EnrolmentStatus.DEFERRED)) {
            assertEquals("enrolment.transition.reason", assertThrows(BusinessException.class,
                    () -> EnrolmentStatus.ACTIVE.requireMoveTo(to, "  ")).key());
        }
        assertDoesNotThrow(() -> EnrolmentStatus.ENROLLED.requireMoveTo(EnrolmentStatus.ACTIVE, null));
        assertDoesNotThrow(() -> EnrolmentStatus.ACTIVE.requireMoveTo(EnrolmentStatus.COMPLETED, null));
    }

    @Test
    void issue4_onlyEnrolledActiveAndPausedHoldAPlace() {
        assertEquals(EnumSet.of(EnrolmentStatus.ENROLLED, EnrolmentStatus.ACTIVE, EnrolmentStatus.PAUSED),
                EnumSet.copyOf(Enrolment.CURRENT));
        for (EnrolmentStatus status : EnrolmentStatus.values()) {
            assertEquals(Enrolment.CURRENT.contains(status), status.isCurrent(), status.name());
        }
    }

    @Test
    void issue4_pausingStopsTheClockAndResumingMovesTheDueDatesOnByThePausedTime() {
        Enrolment enrolment = new Enrolment(null, cohort(LocalDate.of(2027, 6, 30)), Instant.EPOCH);
        assertEquals(LocalDate.of(2027, 6, 30), enrolment.getExpectedEndDate());
        enrolment.moveTo(EnrolmentStatus.ACTIVE, null, "sana", Instant.EPOCH, LocalDate.of(2027, 1, 10));

        EnrolmentStatusChange paused = enrolment.moveTo(EnrolmentStatus.PAUSED, "Time off for health", "sana",
                Instant.EPOCH, LocalDate.of(2027, 2, 1));
        assertEquals(EnrolmentStatus.ACTIVE, paused.getFromStatus());
        assertEquals(EnrolmentStatus.PAUSED, paused.getToStatus());
        assertEquals("Time off for health", paused.getReason());
        assertEquals(LocalDate.of(2027, 3, 11), enrolment.due(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 2, 11)),
                "while paused, due dates move on day by day");

        enrolment.moveTo(EnrolmentStatus.ACTIVE, null, "sana", Instant.EPOCH, LocalDate.of(2027, 3, 1));
        assertEquals(28, enrolment.getPausedDaysTotal());
        assertEquals(LocalDate.of(2027, 7, 28), enrolment.getExpectedEndDate());
        assertNull(enrolment.getPausedOn());
        assertEquals(LocalDate.of(2027, 3, 29), enrolment.due(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 1)));

        enrolment.moveTo(EnrolmentStatus.PAUSED, "Again", "sana", Instant.EPOCH, LocalDate.of(2027, 4, 1));
        enrolment.moveTo(EnrolmentStatus.ACTIVE, null, "sana", Instant.EPOCH, LocalDate.of(2027, 4, 3));
        assertEquals(30, enrolment.getPausedDaysTotal(), "pauses add up");
        assertEquals(LocalDate.of(2027, 7, 30), enrolment.getExpectedEndDate());
    }

    @Test
    void issue4_withdrawingKeepsTheReasonAndEndsTheLifecycle() {
        Enrolment enrolment = new Enrolment(null, cohort(LocalDate.of(2027, 6, 30)), Instant.EPOCH);
        enrolment.moveTo(EnrolmentStatus.WITHDRAWN, " Moved away ", "sana", Instant.EPOCH, LocalDate.of(2027, 1, 1));
        assertEquals("Moved away", enrolment.getWithdrawnReason());
        assertThrows(BusinessException.class, () -> enrolment.moveTo(EnrolmentStatus.ACTIVE, null, "sana", Instant.EPOCH,
                LocalDate.of(2027, 1, 2)));
        assertEquals(EnrolmentStatus.WITHDRAWN, enrolment.getStatus());
    }

    private static Cohort cohort(LocalDate end) {
        return new Cohort(null, new CohortDetails("Spring 2027", LocalDate.of(2027, 1, 10), end, "Room 1", null, null, 12, 80),
                Instant.EPOCH);
    }
}
