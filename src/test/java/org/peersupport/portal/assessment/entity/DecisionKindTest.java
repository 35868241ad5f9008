package org.peersupport.portal.assessment.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.SubmissionStatus;

/** Issue 5: every move a decision may make on a submission, and the refusal of every other one. */
class DecisionKindTest {

    @Test
    void issue5_eachDecisionMovesOnlyFromItsStatuses() {
        Map<DecisionKind, Map<SubmissionStatus, SubmissionStatus>> legal = new EnumMap<>(DecisionKind.class);
        legal.put(DecisionKind.REFER_BACK, Map.of(SubmissionStatus.SUBMITTED, SubmissionStatus.REFERRED_BACK,
                SubmissionStatus.RETURNED, SubmissionStatus.REFERRED_BACK));
        legal.put(DecisionKind.SIGN_OFF, Map.of(SubmissionStatus.SUBMITTED, SubmissionStatus.SIGNED_OFF,
                SubmissionStatus.RETURNED, SubmissionStatus.SIGNED_OFF));
        legal.put(DecisionKind.CONFIRM, Map.of(SubmissionStatus.SIGNED_OFF, SubmissionStatus.VERIFIED));
        legal.put(DecisionKind.RETURN, Map.of(SubmissionStatus.SIGNED_OFF, SubmissionStatus.RETURNED));
        int checked = 0;
        for (DecisionKind kind : List.of(DecisionKind.REFER_BACK, DecisionKind.SIGN_OFF, DecisionKind.CONFIRM,
                DecisionKind.RETURN)) {
            for (SubmissionStatus from : SubmissionStatus.values()) {
                SubmissionStatus to = legal.get(kind).get(from);
                if (to != null) {
                    assertEquals(to, kind.moveFrom(from), kind + " from " + from);
                } else {
                    BusinessException refused = assertThrows(BusinessException.class, () -> kind.moveFrom(from),
                            kind + " from " + from);
                    assertEquals("assessment.transition.illegal", refused.key());
                }
                checked++;
            }
        }
        assertEquals(20, checked);
        assertEquals("Work that is verified cannot be returned to the assessor.", assertThrows(BusinessException.class,
                () -> DecisionKind.RETURN.moveFrom(SubmissionStatus.VERIFIED)).getMessage());
        assertEquals("Work that is referred back cannot be signed off.", assertThrows(BusinessException.class,
                () -> DecisionKind.SIGN_OFF.moveFrom(SubmissionStatus.REFERRED_BACK)).getMessage());
    }

    @Test
    void issue5_whoMakesWhichDecision() {
        assertEquals(List.of(DecisionKind.REFER_BACK, DecisionKind.SIGN_OFF), List.of(DecisionKind.values()).stream()
                .filter(DecisionKind::byAssessor).toList());
        assertEquals(List.of(DecisionKind.CONFIRM, DecisionKind.RETURN), List.of(DecisionKind.values()).stream()
                .filter(DecisionKind::byVerifier).toList());
        assertEquals(List.of(DecisionKind.REFER_BACK, DecisionKind.RETURN, DecisionKind.CORRECTION),
                List.of(DecisionKind.values()).stream().filter(DecisionKind::needsWords).toList());
    }
}
