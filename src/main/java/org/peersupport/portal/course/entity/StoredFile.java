package org.peersupport.portal.course.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file's metadata. Its bytes live in {@code stored_file_chunk} rows, written and read as streams by
 * {@code ChunkStore}, so every node of a cluster reads the same file and nothing holds it whole in memory.
 * Course versions share stored files: a new draft refers to the same bytes as the version it was copied from.
 */
@Entity
@Table(name = "stored_file")
public class StoredFile {

    @Id
    @SequenceGenerator(name = "stored_file_seq", sequenceName = "stored_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_file_seq")
    private Long id;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected StoredFile() {
    }

    public StoredFile(String mediaType, Instant createdAt) {
        this.mediaType = mediaType;
        this.createdAt = createdAt;
        this.sha256 = "";
    }

    /** Records what was streamed into the chunks. */
    public void written(long size, String sha256) {
        this.size = size;
        this.sha256 = sha256;
    }

    public Long getId() {
        return id;
    }

    public String getMediaType() {
        return mediaType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
