package org.peersupport.portal.candidate.entity;

/** Where a member of staff's request for a place on a cohort stands. */
public enum PlaceRequestStatus {
    PENDING, APPROVED, DECLINED
}
