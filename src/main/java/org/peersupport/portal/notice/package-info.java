/**
 * Notifications: in-app notices that every later feature raises through {@code Notifier}, each for one person,
 * emailed after commit and kept until the mail relay takes them ({@code NoticeEmails}, {@code Mailer}), and the
 * notices page and header bell where people read them. Uses the
 * platform, audit and identity features only.
 */
package org.peersupport.portal.notice;
