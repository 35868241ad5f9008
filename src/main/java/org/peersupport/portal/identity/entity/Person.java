package org.peersupport.portal.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A member of staff as the portal knows them: keyed by the directory's stable id (not the DN, which changes
 * when people move department), with the profile copied from the directory at each sign-in.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = Person.BY_DIRECTORY_ID, query = "select p from Person p where p.directoryId = :directoryId")
@NamedQuery(name = Person.BY_USERNAME, query = "select p from Person p where lower(p.username) = lower(:username) "
        + "and p.usernameReleasedAt is null")
@NamedQuery(name = Person.OTHERS_HOLDING_USERNAME, query = "select p from Person p where lower(p.username) = lower(:username) "
        + "and p.usernameReleasedAt is null and p.id <> :id")
public class Person {

    public static final String BY_DIRECTORY_ID = "Person.byDirectoryId";
    /** The person who holds a username now (at most one: a unique index on the held usernames). */
    public static final String BY_USERNAME = "Person.byUsername";
    /** Anyone else who still holds a username, case-insensitively: a directory that reused it. */
    public static final String OTHERS_HOLDING_USERNAME = "Person.othersHoldingUsername";

    @Id
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    private Long id;

    @Column(name = "directory_id", nullable = false, updatable = false)
    private String directoryId;

    @Column(nullable = false)
    private String username;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    private String email;

    @Column(name = "job_title")
    private String jobTitle;

    private String department;

    private String organisation;

    /** The line manager's display name, read from the directory's manager attribute; null when it has none. */
    @Column(name = "line_manager")
    private String lineManager;

    /**
     * When another person (another directory id) took this person's username: the username stays for reading
     * history, but no sign-in or look-up by name reaches this person any more. Null while they hold it.
     */
    @Column(name = "username_released_at")
    private Instant usernameReleasedAt;

    /** When the governance role erased the person (V19): the row then holds a key and no personal data. */
    @Column(name = "erased_at", insertable = false, updatable = false)
    private Instant erasedAt;

    @Column(name = "last_sign_in_at")
    private Instant lastSignInAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Person() {
    }

    public Person(String directoryId, DirectoryProfile profile, Instant now) {
        this.directoryId = Objects.requireNonNull(directoryId);
        this.createdAt = now;
        refreshFrom(profile, now);
    }

    /**
     * Copies the directory's current profile; returns whether anything changed.
     */
    public boolean refreshFrom(DirectoryProfile profile, Instant now) {
        boolean changed = !Objects.equals(username, profile.username())
                || !Objects.equals(displayName, profile.displayName())
                || !Objects.equals(email, profile.email())
                || !Objects.equals(jobTitle, profile.jobTitle())
                || !Objects.equals(department, profile.department())
                || !Objects.equals(organisation, profile.organisation())
                || !Objects.equals(lineManager, profile.lineManager());
        username = profile.username();
        displayName = profile.displayName();
        email = profile.email();
        jobTitle = profile.jobTitle();
        department = profile.department();
        organisation = profile.organisation();
        lineManager = profile.lineManager();
        if (changed || updatedAt == null) {
            updatedAt = now;
        }
        return changed;
    }

    /** Another person now holds this username in the directory; this person keeps it only as history. */
    public void releaseUsername(Instant at) {
        if (usernameReleasedAt == null) {
            usernameReleasedAt = at;
            updatedAt = at;
        }
    }

    /** This person signs in (or is found in the directory) with their username: they hold it again. */
    public void holdUsername(Instant at) {
        if (usernameReleasedAt != null) {
            usernameReleasedAt = null;
            updatedAt = at;
        }
    }

    public Instant getUsernameReleasedAt() {
        return usernameReleasedAt;
    }

    public void signedIn(Instant at) {
        lastSignInAt = at;
    }

    public Long getId() {
        return id;
    }

    public String getDirectoryId() {
        return directoryId;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public String getDepartment() {
        return department;
    }

    public String getOrganisation() {
        return organisation;
    }

    public String getLineManager() {
        return lineManager;
    }

    public Instant getLastSignInAt() {
        return lastSignInAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getErasedAt() {
        return erasedAt;
    }

    public long getVersion() {
        return version;
    }
}
