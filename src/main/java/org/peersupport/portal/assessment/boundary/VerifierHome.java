package org.peersupport.portal.assessment.boundary;

import java.util.List;

/**
 * A verifier's home: sampled sign-offs waiting for them (oldest first), those they returned that wait for the
 * assessor, the default plan (null when none is set: then only assessors with their own plan, and picked candidates,
 * are sampled), every assessor with their plan, and the picked candidates.
 */
public record VerifierHome(List<SampleLine> waiting, List<SampleLine> returned, PlanView defaultPlan,
        List<AssessorLine> assessors, List<PickLine> picks, List<EnrolmentChoice> pickable) {
}
