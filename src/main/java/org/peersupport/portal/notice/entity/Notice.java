package org.peersupport.portal.notice.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.peersupport.portal.identity.entity.Person;

/**
 * Something the portal tells one person: shown in their notices and sent to them by email. It carries a short
 * title and text, never evidence content, and optionally a link to a page inside the portal. Reading it is the
 * only change a person makes; the portal also records how its email goes (V21): still to go, sent, or refused for good,
 * with the tries so far and when it is tried next.
 */
@Entity
@Table(name = "notice")
@NamedQuery(name = Notice.UNREAD_COUNT, query = "select count(n) from Notice n "
        + "where n.recipient.id = :recipientId and n.readAt is null")
@NamedQuery(name = Notice.OF_RECIPIENT, query = "select n from Notice n "
        + "where n.recipient.id = :recipientId order by n.createdAt desc, n.id desc")
@NamedQuery(name = Notice.COUNT_OF_RECIPIENT, query = "select count(n) from Notice n "
        + "where n.recipient.id = :recipientId")
@NamedQuery(name = Notice.MARK_ALL_READ, query = "update Notice n set n.readAt = :now, n.version = n.version + 1 "
        + "where n.readAt is null and n.recipient.id = :recipientId")
@NamedQuery(name = Notice.ONCE_KEYS, query = "select n.recipient.id, n.onceKey from Notice n "
        + "where n.onceKey in :keys")
public class Notice {

    public static final String UNREAD_COUNT = "Notice.unreadCount";
    public static final String OF_RECIPIENT = "Notice.ofRecipient";
    public static final String COUNT_OF_RECIPIENT = "Notice.countOfRecipient";
    public static final String MARK_ALL_READ = "Notice.markAllRead";
    public static final String ONCE_KEYS = "Notice.onceKeys";

    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 1000;

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "recipient_id", nullable = false, updatable = false)
    private Person recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private NoticeKind kind;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String text;

    @Column(updatable = false)
    private String link;

    @Column(name = "once_key", updatable = false)
    private String onceKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "email_state")
    private String emailState;

    @Column(name = "email_attempts", nullable = false)
    private int emailAttempts;

    @Column(name = "email_next_at")
    private Instant emailNextAt;

    @Version
    private long version;

    /** The email's states ({@code email_state}): null when the notice has no email. */
    public static final String EMAIL_PENDING = "PENDING";
    public static final String EMAIL_SENT = "SENT";
    public static final String EMAIL_FAILED = "FAILED";

    /** The first wait before an email the relay did not take is tried again; it doubles with each try. */
    public static final java.time.Duration FIRST_EMAIL_RETRY = java.time.Duration.ofSeconds(15);
    /** The longest wait between two tries. */
    public static final java.time.Duration LONGEST_EMAIL_RETRY = java.time.Duration.ofMinutes(30);

    protected Notice() {
    }

    /**
     * A new, unread notice. Title and text are shortened to fit; a link must be a path inside the portal
     * ({@code /candidate/index.xhtml}), never another site.
     */
    public Notice(Person recipient, NoticeKind kind, String title, String text, String link, String onceKey, Instant now) {
        this.recipient = Objects.requireNonNull(recipient);
        this.kind = Objects.requireNonNull(kind);
        this.title = shorten(Objects.requireNonNull(title).strip(), MAX_TITLE);
        this.text = shorten(text == null ? "" : text.strip(), MAX_TEXT);
        if (link != null && (!link.startsWith("/") || link.startsWith("//") || link.contains("\\"))) {
            throw new IllegalArgumentException("a notice links to a page inside the portal, not " + link);
        }
        this.link = link;
        this.onceKey = onceKey;
        this.createdAt = now;
    }

    /** Marks it read, once: reading it again keeps the first time. */
    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    /** Its email is to go: at once after commit, else from {@code retryFrom} on, by the retry of due emails. */
    public void awaitEmail(Instant retryFrom) {
        emailState = EMAIL_PENDING;
        emailNextAt = retryFrom;
    }

    /**
     * When an email the relay did not take after {@code tries} tries is tried next: 15 seconds after the first, doubling
     * with each try up to half an hour. The sender records it with an update of the email's columns alone, which
     * leaves the notice's version as it was, so a person reading the notice meanwhile never meets a conflict.
     */
    public static Instant nextEmailTry(int tries, Instant now) {
        java.time.Duration wait = FIRST_EMAIL_RETRY.multipliedBy(1L << Math.min(Math.max(tries, 1) - 1, 16));
        return now.plus(wait.compareTo(LONGEST_EMAIL_RETRY) > 0 ? LONGEST_EMAIL_RETRY : wait);
    }

    public String getEmailState() {
        return emailState;
    }

    public int getEmailAttempts() {
        return emailAttempts;
    }

    public Instant getEmailNextAt() {
        return emailNextAt;
    }

    public boolean isRead() {
        return readAt != null;
    }

    static String shorten(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Person getRecipient() {
        return recipient;
    }

    public NoticeKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public String getText() {
        return text;
    }

    public String getLink() {
        return link;
    }

    public String getOnceKey() {
        return onceKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }

    public long getVersion() {
        return version;
    }
}
