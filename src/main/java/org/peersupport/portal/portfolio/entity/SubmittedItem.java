package org.peersupport.portal.portfolio.entity;

import jakarta.persistence.AttributeOverride;
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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.peersupport.portal.course.entity.EvidenceRequirement;
import org.peersupport.portal.course.entity.StoredFile;

/**
 * A frozen copy of an evidence item as it was submitted: its sanitised text, its file (by the stored file's id;
 * stored files never change), its testimony and the requirements it was mapped to. Nothing here is ever updated or
 * deleted: the columns are not updatable and the database refuses both.
 */
@Entity
@Table(name = "submission_item")
@NamedQuery(name = SubmittedItem.REFERENCES_TO_FILE, query = "select count(i) from SubmittedItem i "
        + "where i.storedFile.id = :storedFileId")
@NamedQuery(name = SubmittedItem.WITH_SUBMISSION, query = "select i from SubmittedItem i join fetch i.submission s "
        + "left join fetch i.storedFile where i.id = :id")
@NamedQuery(name = SubmittedItem.OF_SUBMISSION, query = "select i from SubmittedItem i left join fetch i.storedFile "
        + "where i.submission.id = :submissionId order by i.position")
@NamedQuery(name = SubmittedItem.COUNTS_OF_ENROLMENT, query = "select i.submission.id, count(i) from SubmittedItem i "
        + "where i.submission.enrolment.id = :enrolmentId group by i.submission.id")
@NamedQuery(name = SubmittedItem.MAPPINGS_OF_SUBMISSION, query = "select i.id, r.code from SubmittedItem i "
        + "join i.requirements r join r.outcome o join o.unit u where i.submission.id = :submissionId "
        + "order by u.position, o.position, r.position")
public class SubmittedItem {

    public static final String REFERENCES_TO_FILE = "SubmittedItem.referencesToFile";
    public static final String WITH_SUBMISSION = "SubmittedItem.withSubmission";
    public static final String OF_SUBMISSION = "SubmittedItem.ofSubmission";
    /** Pairs of (submission id, item count) of an enrolment's submissions. */
    public static final String COUNTS_OF_ENROLMENT = "SubmittedItem.countsOfEnrolment";
    /** Pairs of (submitted item id, requirement code) of a submission, in the course's order. */
    public static final String MAPPINGS_OF_SUBMISSION = "SubmittedItem.mappingsOfSubmission";

    @Id
    @SequenceGenerator(name = "submission_item_seq", sequenceName = "submission_item_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "submission_item_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "submission_id", nullable = false, updatable = false)
    private Submission submission;

    @Column(nullable = false, updatable = false)
    private int position;

    @Column(name = "source_item_id", nullable = false, updatable = false)
    private long sourceItemId;

    /** The same columns as an evidence item's content, none of them updatable. */
    @Embedded
    @AttributeOverride(name = "title", column = @Column(name = "title", nullable = false, updatable = false))
    @AttributeOverride(name = "bodyHtml", column = @Column(name = "body_html", updatable = false))
    @AttributeOverride(name = "wordCount", column = @Column(name = "word_count", nullable = false, updatable = false))
    @AttributeOverride(name = "reflectionDate", column = @Column(name = "reflection_date", updatable = false))
    @AttributeOverride(name = "fileName", column = @Column(name = "file_name", updatable = false))
    @AttributeOverride(name = "witnessName", column = @Column(name = "witness_name", updatable = false))
    @AttributeOverride(name = "witnessRole", column = @Column(name = "witness_role", updatable = false))
    @AttributeOverride(name = "witnessRelationship", column = @Column(name = "witness_relationship", updatable = false))
    @AttributeOverride(name = "witnessStatement", column = @Column(name = "witness_statement", updatable = false))
    private EvidenceContent content;

    @ManyToOne
    @JoinColumn(name = "stored_file_id", updatable = false)
    private StoredFile storedFile;

    @Column(name = "media_type", updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", updatable = false)
    private Long size;

    @Column(updatable = false)
    private String sha256;

    @Enumerated(EnumType.STRING)
    @Column(name = "witness_status", updatable = false)
    private WitnessStatus witnessStatus;

    @Column(name = "witness_confirmed_by", updatable = false)
    private String witnessConfirmedBy;

    @Column(name = "witness_decided_at", updatable = false)
    private Instant witnessDecidedAt;

    @Column(name = "assessor_only", nullable = false, updatable = false)
    private boolean assessorOnly;

    @Column(name = "item_updated_at", nullable = false, updatable = false)
    private Instant itemUpdatedAt;

    /** When the retention schedule removed the item's words and files (V17), or null. */
    @Column(name = "purged_at", insertable = false, updatable = false)
    private Instant purgedAt;

    @ManyToMany
    @JoinTable(name = "submission_item_requirement", joinColumns = @JoinColumn(name = "submission_item_id"),
            inverseJoinColumns = @JoinColumn(name = "requirement_id"))
    private List<EvidenceRequirement> requirements = new ArrayList<>();

    protected SubmittedItem() {
    }

    SubmittedItem(Submission submission, int position, EvidenceItem item) {
        this.submission = submission;
        this.position = position;
        this.sourceItemId = item.getId();
        this.content = item.getContent().copy();
        StoredFile file = item.getStoredFile();
        if (file != null) {
            this.storedFile = file;
            this.mediaType = file.getMediaType();
            this.size = file.getSize();
            this.sha256 = file.getSha256();
        }
        if (content.kind() == EvidenceKind.WITNESS) {
            this.witnessStatus = item.getWitnessStatus();
            this.witnessConfirmedBy = item.getWitnessStatus() == WitnessStatus.RECORDED ? item.getWitnessRecordedBy()
                    : item.getWitnessPerson() == null ? null : item.getWitnessPerson().getUsername();
            this.witnessDecidedAt = item.getWitnessDecidedAt();
        }
        this.assessorOnly = item.isAssessorOnly();
        this.itemUpdatedAt = item.getUpdatedAt();
        this.requirements.addAll(item.getRequirements().stream().sorted(Comparator.comparing(EvidenceRequirement::getId))
                .toList());
    }

    public Long getId() {
        return id;
    }

    public Submission getSubmission() {
        return submission;
    }

    public int getPosition() {
        return position;
    }

    public long getSourceItemId() {
        return sourceItemId;
    }

    /** What the item said when it was submitted: kind, title, text, file name, testimony. */
    public EvidenceContent getContent() {
        return content;
    }

    public StoredFile getStoredFile() {
        return storedFile;
    }

    public String getMediaType() {
        return mediaType;
    }

    public Long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public WitnessStatus getWitnessStatus() {
        return witnessStatus;
    }

    public String getWitnessConfirmedBy() {
        return witnessConfirmedBy;
    }

    public Instant getWitnessDecidedAt() {
        return witnessDecidedAt;
    }

    public boolean isAssessorOnly() {
        return assessorOnly;
    }

    public Instant getPurgedAt() {
        return purgedAt;
    }

    public Instant getItemUpdatedAt() {
        return itemUpdatedAt;
    }

    public List<EvidenceRequirement> getRequirements() {
        return Collections.unmodifiableList(requirements);
    }
}
