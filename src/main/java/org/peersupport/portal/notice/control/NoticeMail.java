package org.peersupport.portal.notice.control;

/**
 * An email to send once the transaction that created its notice has committed: everything the message needs, so
 * that sending it reads nothing from the database.
 */
public record NoticeMail(long noticeId, String to, String recipientName, String subject, String body) {
}
