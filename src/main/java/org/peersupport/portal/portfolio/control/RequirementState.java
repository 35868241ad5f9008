package org.peersupport.portal.portfolio.control;

/**
 * Where an evidence requirement stands in a candidate's portfolio matrix: no evidence mapped to it yet, evidence
 * mapped but not yet judged as meeting it, or met (judged by an assessor, see {@link Judgements}).
 */
public enum RequirementState {

    NOT_STARTED,
    WORKING_TOWARDS,
    MET;

    public static RequirementState of(boolean met, long mappedItems) {
        if (met) {
            return MET;
        }
        return mappedItems > 0 ? WORKING_TOWARDS : NOT_STARTED;
    }
}
