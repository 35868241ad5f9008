package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.peersupport.portal.course.control.ChunkStore;
import org.peersupport.portal.course.control.InspectedUpload;
import org.peersupport.portal.course.control.UploadInspector;
import org.peersupport.portal.course.control.UploadRejectedException;
import org.peersupport.portal.course.entity.StoredFile;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;
import org.peersupport.portal.portfolio.entity.EvidenceItem;
import org.peersupport.portal.portfolio.entity.SubmittedItem;

/**
 * Evidence files: checked by their content (Tika, through the course feature's {@link UploadInspector}) against the
 * size limit {@code portal.evidence.upload.max-mb} and the allowed kinds (documents, images, audio, video), then
 * streamed into the database in chunks ({@link ChunkStore}), so every node of a cluster serves them. A stored file
 * never changes; a file nothing refers to any more (no evidence item, no submission) is deleted.
 */
@ApplicationScoped
public class EvidenceFiles {

    /** Default largest evidence file, in MiB: room for a short video of practice. */
    public static final int DEFAULT_MAX_MB = 100;

    /**
     * What a candidate may upload as evidence: the exercise file types (PDF, Office and OpenDocument files, plain
     * text, Markdown, CSV, RTF, images, audio, MP4 and WebM video) and QuickTime video, as phones record it.
     */
    public static final Set<String> TYPES;

    static {
        Set<String> types = new HashSet<>(UploadInspector.EXERCISE_FILE_TYPES);
        types.add("video/quicktime");
        TYPES = Set.copyOf(types);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    ChunkStore chunks;

    @Inject
    PortalConfig config;

    /** The stored file and what the inspection found out about the upload. */
    public record Stored(StoredFile file, String displayName, String mediaType, long size, String sha256) {
    }

    /**
     * Checks the upload and streams it into the database. A refused upload stores nothing and is a
     * {@link BusinessException} whose message says why in plain English (its key is not in the bundle, so the page
     * shows the message itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Stored store(InputStream content, String fileName, Instant now) {
        UploadInspector inspector = new UploadInspector(maxBytes(), TYPES);
        try (InspectedUpload upload = inspector.inspect(content, fileName)) {
            StoredFile stored;
            try (InputStream in = Files.newInputStream(upload.file())) {
                stored = chunks.store(in, upload.mediaType(), now);
            }
            return new Stored(stored, upload.displayName(), upload.mediaType(), upload.size(), upload.sha256());
        } catch (UploadRejectedException e) {
            throw new BusinessException("evidence.upload.refused." + e.reason().name().toLowerCase(java.util.Locale.ROOT),
                    e.getMessage(), e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new BusinessException("evidence.upload.unreadable", "The file could not be stored. Try uploading it again.");
        }
    }

    /** The largest evidence file accepted, in bytes. */
    public long maxBytes() {
        return config.number(PortalSetting.EVIDENCE_UPLOAD_MAX_MB, DEFAULT_MAX_MB) * 1024L * 1024L;
    }

    /** Deletes a stored file (and its chunks) when no evidence item and no submitted copy refers to it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteIfUnused(StoredFile file) {
        if (file == null) {
            return;
        }
        long items = em.createNamedQuery(EvidenceItem.REFERENCES_TO_FILE, Long.class)
                .setParameter("storedFileId", file.getId()).getSingleResult();
        long submitted = em.createNamedQuery(SubmittedItem.REFERENCES_TO_FILE, Long.class)
                .setParameter("storedFileId", file.getId()).getSingleResult();
        if (items == 0 && submitted == 0) {
            StoredFile stored = em.find(StoredFile.class, file.getId());
            if (stored != null) {
                em.remove(stored); // its chunks go with it (on delete cascade)
            }
        }
    }
}
