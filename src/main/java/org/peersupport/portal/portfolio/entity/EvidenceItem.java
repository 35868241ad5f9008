package org.peersupport.portal.portfolio.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;
import org.peersupport.portal.candidate.entity.Enrolment;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.identity.entity.Person;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * One piece of a candidate's evidence on an enrolment: a written piece, a file, a reflective log entry or a witness
 * testimony, mapped to evidence requirements of the enrolment's course version. The item is the candidate's draft:
 * it keeps changing (and is autosaved) until and after it is submitted, because a submission freezes a copy of it
 * ({@link SubmittedItem}), never the item itself. Rich text arrives here already sanitised by the boundary.
 */
@Entity
@Table(name = "evidence_item")
@NamedQuery(name = EvidenceItem.WITH_ENROLMENT, query = "select i from EvidenceItem i where i.id = :id", hints = {
        @QueryHint(name = QueryHints.FETCH, value = "i.enrolment.person"),
        @QueryHint(name = QueryHints.FETCH, value = "i.enrolment.cohort.course"),
        @QueryHint(name = QueryHints.LEFT_FETCH, value = "i.storedFile"),
        @QueryHint(name = QueryHints.LEFT_FETCH, value = "i.witnessPerson")})
@NamedQuery(name = EvidenceItem.OF_ENROLMENT, query = "select i from EvidenceItem i left join fetch i.storedFile "
        + "left join fetch i.witnessPerson where i.enrolment.id = :enrolmentId order by i.updatedAt desc, i.id desc")
@NamedQuery(name = EvidenceItem.IN_ENROLMENT, query = "select i from EvidenceItem i left join fetch i.storedFile "
        + "left join fetch i.witnessPerson where i.enrolment.id = :enrolmentId and i.id in :ids")
@NamedQuery(name = EvidenceItem.MAPPINGS_OF_ENROLMENT, query = "select i.id, r.id, r.code from EvidenceItem i "
        + "join i.requirements r join r.outcome o join o.unit u where i.enrolment.id = :enrolmentId "
        + "order by u.position, o.position, r.position")
@NamedQuery(name = EvidenceItem.MAPPED_COUNTS, query = "select r.id, count(i) from EvidenceItem i join i.requirements r "
        + "where i.enrolment.id = :enrolmentId group by r.id")
@NamedQuery(name = EvidenceItem.CHANGES_OF_ENROLMENTS, query = "select i.enrolment.id, i.updatedAt from EvidenceItem i "
        + "where i.enrolment.id in :enrolmentIds")
@NamedQuery(name = EvidenceItem.AWAITING_WITNESS, query = "select i from EvidenceItem i where i.witnessPerson.id = :personId "
        + "and i.witnessStatus = :status order by i.updatedAt, i.id", hints = {
            @QueryHint(name = QueryHints.FETCH, value = "i.enrolment.person"),
            @QueryHint(name = QueryHints.FETCH, value = "i.enrolment.cohort.course")})
@NamedQuery(name = EvidenceItem.REFERENCES_TO_FILE, query = "select count(i) from EvidenceItem i "
        + "where i.storedFile.id = :storedFileId")
public class EvidenceItem {

    public static final String WITH_ENROLMENT = "EvidenceItem.withEnrolment";
    public static final String OF_ENROLMENT = "EvidenceItem.ofEnrolment";
    /** Items of one enrolment among the given ids. */
    public static final String IN_ENROLMENT = "EvidenceItem.inEnrolment";
    /** Triples of (item id, requirement id, requirement code) for an enrolment, in the course's order. */
    public static final String MAPPINGS_OF_ENROLMENT = "EvidenceItem.mappingsOfEnrolment";
    /** Pairs of (requirement id, number of items mapped to it) for an enrolment. */
    public static final String MAPPED_COUNTS = "EvidenceItem.mappedCounts";
    /**
     * Pairs of (enrolment id, item's last change) for the given enrolments, to count items and find the latest change
     * (an aggregate of an {@code Instant} would skip its converter).
     */
    public static final String CHANGES_OF_ENROLMENTS = "EvidenceItem.changesOfEnrolments";
    /** Testimonies naming a person as witness, in a status. */
    public static final String AWAITING_WITNESS = "EvidenceItem.awaitingWitness";
    public static final String REFERENCES_TO_FILE = "EvidenceItem.referencesToFile";

    public static final int MAX_TITLE = 255;

    @Id
    @SequenceGenerator(name = "evidence_item_seq", sequenceName = "evidence_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_item_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrolment_id", nullable = false, updatable = false)
    private Enrolment enrolment;

    @Embedded
    private EvidenceContent content;

    @ManyToOne
    @JoinColumn(name = "stored_file_id")
    private StoredFile storedFile;

    @ManyToOne
    @JoinColumn(name = "witness_person_id")
    private Person witnessPerson;

    @Enumerated(EnumType.STRING)
    @Column(name = "witness_status")
    private WitnessStatus witnessStatus;

    @Column(name = "witness_recorded_by")
    private String witnessRecordedBy;

    @Column(name = "witness_decided_at")
    private Instant witnessDecidedAt;

    @Column(name = "witness_decline_reason")
    private String witnessDeclineReason;

    @Column(name = "assessor_only", nullable = false)
    private boolean assessorOnly;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "draft_saved_at")
    private Instant draftSavedAt;

    @ManyToMany
    @BatchFetch(BatchFetchType.IN)
    @JoinTable(name = "evidence_item_requirement", joinColumns = @JoinColumn(name = "evidence_item_id"),
            inverseJoinColumns = @JoinColumn(name = "requirement_id"))
    private Set<EvidenceRequirement> requirements = new HashSet<>();

    @Version
    private long version;

    protected EvidenceItem() {
    }

    private EvidenceItem(Enrolment enrolment, EvidenceContent content, String createdBy, Instant now) {
        this.enrolment = Objects.requireNonNull(enrolment);
        this.content = content;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A new, empty written piece. */
    public static EvidenceItem written(Enrolment enrolment, String title, String by, Instant now) {
        return new EvidenceItem(enrolment, EvidenceContent.written(title), by, now);
    }

    /** A new, empty entry of the reflective log, dated {@code date}. */
    public static EvidenceItem reflection(Enrolment enrolment, String title, LocalDate date, String by, Instant now) {
        return new EvidenceItem(enrolment, EvidenceContent.reflection(title, date), by, now);
    }

    /** A file the boundary has checked by its content and stored. */
    public static EvidenceItem file(Enrolment enrolment, String title, StoredFile file, String fileName, String by,
            Instant now) {
        EvidenceItem item = new EvidenceItem(enrolment, EvidenceContent.file(title, fileName), by, now);
        item.storedFile = Objects.requireNonNull(file);
        return item;
    }

    /** A testimony the candidate writes, naming a witness from the directory who is then asked to confirm it. */
    public static EvidenceItem testimonyRequest(Enrolment enrolment, String title, Person witness, Testimony testimony,
            String by, Instant now) {
        EvidenceItem item = new EvidenceItem(enrolment, EvidenceContent.testimony(title, testimony), by, now);
        item.witnessPerson = Objects.requireNonNull(witness);
        item.witnessStatus = WitnessStatus.AWAITING;
        return item;
    }

    /** A testimony the candidate's allocated supervisor records from a witness they heard. */
    public static EvidenceItem testimonyRecorded(Enrolment enrolment, String title, Testimony testimony,
            String supervisor, Instant now) {
        EvidenceItem item = new EvidenceItem(enrolment, EvidenceContent.testimony(title, testimony), supervisor, now);
        item.witnessStatus = WitnessStatus.RECORDED;
        item.witnessRecordedBy = supervisor;
        item.witnessDecidedAt = now;
        return item;
    }

    // ---------------------------------------------------------------- changes by the candidate

    /** A new title and "assessor only" flag, the common part of every save. */
    public void describe(String title, boolean assessorOnly, Instant now) {
        this.content = content.titled(title);
        this.assessorOnly = assessorOnly;
        this.updatedAt = now;
    }

    /** The body of a written piece or reflection, already sanitised, with its word count. */
    public void write(String safeHtml, int words, Instant now) {
        this.content = content.written(safeHtml, words);
        this.updatedAt = now;
        this.draftSavedAt = now;
    }

    public void redate(LocalDate date) {
        this.content = content.dated(date);
    }

    /**
     * Points a file item at a newly stored file. Stored files never change, so the previous one stays exactly as a
     * submission may have frozen it; returns it, for the boundary to delete if nothing refers to it any more.
     */
    public StoredFile replaceFile(StoredFile file, String fileName, Instant now) {
        StoredFile previous = storedFile;
        this.content = content.named(fileName);
        this.storedFile = Objects.requireNonNull(file);
        this.updatedAt = now;
        return previous;
    }

    /** Maps the item to exactly these evidence requirements (the boundary checks they are of its course version). */
    public void mapTo(Collection<EvidenceRequirement> mapped, Instant now) {
        if (!requirements.equals(new HashSet<>(mapped))) {
            requirements.clear();
            requirements.addAll(mapped);
            updatedAt = now;
        }
    }

    /** Revises a testimony the candidate wrote, while it awaits the witness or after they declined: asks again. */
    public void reviseTestimony(Person witness, Testimony testimony, Instant now) {
        requireCandidateTestimony();
        if (witnessStatus != WitnessStatus.AWAITING && witnessStatus != WitnessStatus.DECLINED) {
            throw new BusinessException("testimony.confirmed",
                    "The witness has confirmed this testimony, so it cannot be changed. Ask them for a new one instead.");
        }
        this.witnessPerson = Objects.requireNonNull(witness);
        this.content = content.testifying(testimony);
        this.witnessStatus = WitnessStatus.AWAITING;
        this.witnessDecidedAt = null;
        this.witnessDeclineReason = null;
        this.updatedAt = now;
    }

    // ---------------------------------------------------------------- the witness's answer

    public void confirm(Instant now) {
        requireAwaiting();
        witnessStatus = WitnessStatus.CONFIRMED;
        witnessDecidedAt = now;
        updatedAt = now;
    }

    public void decline(String reason, Instant now) {
        requireAwaiting();
        witnessStatus = WitnessStatus.DECLINED;
        witnessDecidedAt = now;
        witnessDeclineReason = reason;
        updatedAt = now;
    }

    /** Whether the item may go into a submission: anything but a testimony the witness has not confirmed. */
    public boolean submittable() {
        return content.kind() != EvidenceKind.WITNESS || witnessStatus.stands();
    }

    private void requireCandidateTestimony() {
        if (content.kind() != EvidenceKind.WITNESS || witnessPerson == null) {
            throw new IllegalStateException("not a testimony the candidate asked a witness for");
        }
    }

    private void requireAwaiting() {
        if (content.kind() != EvidenceKind.WITNESS || witnessStatus != WitnessStatus.AWAITING) {
            throw new BusinessException("testimony.answered", "This testimony is not waiting for your answer any more.");
        }
    }

    // ---------------------------------------------------------------- reading

    public Long getId() {
        return id;
    }

    public Enrolment getEnrolment() {
        return enrolment;
    }

    /** What the item says: kind, title, text, file name, testimony. */
    public EvidenceContent getContent() {
        return content;
    }

    public StoredFile getStoredFile() {
        return storedFile;
    }

    public Person getWitnessPerson() {
        return witnessPerson;
    }

    public WitnessStatus getWitnessStatus() {
        return witnessStatus;
    }

    public String getWitnessRecordedBy() {
        return witnessRecordedBy;
    }

    public Instant getWitnessDecidedAt() {
        return witnessDecidedAt;
    }

    public String getWitnessDeclineReason() {
        return witnessDeclineReason;
    }

    public boolean isAssessorOnly() {
        return assessorOnly;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getDraftSavedAt() {
        return draftSavedAt;
    }

    public Set<EvidenceRequirement> getRequirements() {
        return Collections.unmodifiableSet(requirements);
    }

    public long getVersion() {
        return version;
    }
}
