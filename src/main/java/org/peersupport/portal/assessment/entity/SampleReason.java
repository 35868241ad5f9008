package org.peersupport.portal.assessment.entity;

/** Why a sign-off was sampled for internal verification. */
public enum SampleReason {

    /** One of the assessor's first sign-offs, all of which the plan samples. */
    FIRST,
    /** Its turn under the plan's rate, after the first ones. */
    RATE,
    /** The candidate was picked by a verifier: every sign-off of their work is sampled. */
    PICKED,
    /** The submission was sampled before (and returned, or its sign-off corrected): it goes back to the same verifier. */
    RESAMPLE
}
