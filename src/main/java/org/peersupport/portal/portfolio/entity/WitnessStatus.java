package org.peersupport.portal.portfolio.entity;

/**
 * Where a witness testimony stands. A testimony the allocated supervisor records is {@link #RECORDED}; one the
 * candidate writes names a witness from the directory, who signs in and confirms or declines it.
 */
public enum WitnessStatus {

    /** Recorded by the candidate's allocated supervisor, who heard the witness: it stands as recorded. */
    RECORDED,
    /** Written by the candidate; the named witness has not answered yet. */
    AWAITING,
    /** The named witness signed in and confirmed the statement. */
    CONFIRMED,
    /** The named witness declined the statement; the candidate may revise it and ask again. */
    DECLINED;

    /** Whether the testimony may go into a submission: recorded by the supervisor or confirmed by the witness. */
    public boolean stands() {
        return this == RECORDED || this == CONFIRMED;
    }
}
