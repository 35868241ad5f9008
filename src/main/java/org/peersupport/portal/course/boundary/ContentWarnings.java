package org.peersupport.portal.course.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.peersupport.portal.audit.control.AuditEvent;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.course.entity.Course;
import org.peersupport.portal.course.entity.CourseSession;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * A draft session's content warning, as training coordinators edit it: its topics, a note and the signposting
 * contacts shown with it. Every change is audited in its own transaction; an edit carries the version the
 * coordinator saw, so a concurrent change is reported.
 *
 * <p>Message keys name the field a problem belongs to ({@code warning.contact.url.format}: a contact's web
 * address), so a page can show the message next to it.
 */
@Stateless
@DenyAll
public class ContentWarnings {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]{1,24}");

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext session;

    @Inject
    Event<AuditEvent> audit;

    private CourseEdits edits;

    @PostConstruct
    void init() {
        edits = new CourseEdits(em, session, audit);
    }

    @RolesAllowed(Role.Names.COORDINATOR)
    public ContentWarningEditView contentWarning(long sessionId) {
        CourseSession s = edits.courseSession(sessionId);
        Course course = s.getCourse();
        return new ContentWarningEditView(s.getId(), s.getNumber(), s.getTitle(), course.getId(), course.getCode(),
                course.getVersionNumber(), course.isDraft(), s.getWarningTopics(), s.getWarningNote(),
                s.getSignposting().stream().map(c -> new SignpostContact(c.getName(), c.getPhone(), c.getTextNumber(),
                        c.getUrl(), c.getDescription())).toList(), s.getVersion());
    }

    /**
     * Replaces a session's content warning: its topics (blank ones are dropped), a note and the signposting
     * contacts. No topics and no contacts removes the warning. Each contact needs a name and at least one of a
     * phone number, a text number and a web address (http or https).
     */
    @RolesAllowed(Role.Names.COORDINATOR)
    public void updateContentWarning(long sessionId, List<String> topics, String note, List<SignpostContact> contacts,
            long expectedVersion) {
        CourseSession s = edits.courseSession(sessionId);
        s.getCourse().requireDraft();
        CourseEdits.requireVersion(s.getVersion(), expectedVersion, CourseEdits::staleStructure);
        List<String> cleanTopics = topics == null ? List.of() : topics.stream().map(CourseEdits::blankToNull)
                .filter(t -> t != null).toList();
        List<SignpostContact> cleanContacts = new ArrayList<>();
        List<SignpostContact> given = contacts == null ? List.of() : contacts;
        for (int i = 0; i < given.size(); i++) {
            SignpostContact c = given.get(i);
            cleanContacts.add(contact(i + 1, c.name(), c.phone(), c.text(), c.url(), c.description()));
        }
        s.changeContentWarning(cleanTopics, CourseEdits.blankToNull(note), cleanContacts);
        // the contacts are rows of their own: make sure a change to them alone counts as a change of the session
        em.lock(s, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        edits.flush(CourseEdits::staleStructure);
        if (cleanTopics.isEmpty()) {
            edits.audit("CONTENT_WARNING_REMOVED", "CourseSession", sessionId, s.label());
        } else {
            edits.audit("CONTENT_WARNING_UPDATED", "CourseSession", sessionId, s.label() + ": "
                    + String.join(", ", cleanTopics) + "; " + cleanContacts.size()
                    + (cleanContacts.size() == 1 ? " contact" : " contacts"));
        }
    }

    /**
     * The rule for one signposting contact, numbered from 1 ({@code number}), with blanks read as missing:
     * the record's own rule (a name, and a phone number, text number or web address), a phone or text number
     * as digits and spaces, and a web address starting with http:// or https://. The key's last part names the
     * field at fault ({@code warning.contact.url}).
     */
    static SignpostContact contact(int number, String name, String phone, String text, String url, String description) {
        String cleanName = CourseEdits.blankToNull(name);
        String cleanPhone = CourseEdits.blankToNull(phone);
        String cleanText = CourseEdits.blankToNull(text);
        String cleanUrl = CourseEdits.blankToNull(url);
        if (cleanName == null) {
            throw new BusinessException("warning.contact.name.missing", "Give contact " + number + " a name.", number);
        }
        SignpostContact contact;
        try {
            contact = new SignpostContact(cleanName, cleanPhone, cleanText, cleanUrl, CourseEdits.blankToNull(description));
        } catch (IllegalArgumentException e) {
            throw new BusinessException("warning.contact.phone.missing", "Give " + cleanName
                    + " a phone number, a text number or a web address.", cleanName);
        }
        if (cleanPhone != null && !PHONE.matcher(cleanPhone).matches()) {
            throw new BusinessException("warning.contact.phone.format", "The phone number for " + cleanName
                    + " should be digits and spaces, for example 116 123.", cleanName);
        }
        if (cleanText != null && !PHONE.matcher(cleanText).matches()) {
            throw new BusinessException("warning.contact.text.format", "The text number for " + cleanName
                    + " should be digits and spaces, for example 85258.", cleanName);
        }
        if (cleanUrl != null && !webAddress(cleanUrl)) {
            throw new BusinessException("warning.contact.url.format", "The web address for " + cleanName
                    + " should start with https://, for example https://www.samaritans.org.", cleanName);
        }
        return contact;
    }

    private static boolean webAddress(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
