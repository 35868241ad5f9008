package org.peersupport.portal.notice.entity;

/**
 * What a notice is about. Each kind has its words in the portal's bundle ({@code notice.kind.KIND}) for the notices
 * page. Place requests (to the training coordinators) and decisions (to the requester) come from the candidate
 * feature, the assessment kinds from the portfolio workflow, a new safeguarding concern (to the safeguarding leads)
 * from the review, the overdue reminder from the daily job, and the certificate from completion.
 */
public enum NoticeKind {

    PLACE_REQUESTED,
    PLACE_APPROVED,
    PLACE_DECLINED,
    SUBMITTED,
    REFERRED_BACK,
    SIGNED_OFF,
    VERIFIED,
    RETURNED,
    SAMPLED,
    DECISION_CORRECTED,
    CONCERN_RAISED,
    OVERDUE,
    CERTIFICATE_ISSUED
}
