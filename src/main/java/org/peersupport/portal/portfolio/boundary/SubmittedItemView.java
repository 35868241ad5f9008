package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.peersupport.portal.portfolio.entity.EvidenceKind;

/**
 * A submitted item as it was frozen: its content and the requirement codes it was mapped to; {@code purgedAt} is when
 * the retention schedule removed its words and files, or null.
 */
public record SubmittedItemView(long id, EvidenceKind kind, String title, String bodyHtml, int wordCount,
        LocalDate reflectionDate, FileInfo file, TestimonyView testimony, boolean assessorOnly,
        List<String> requirementCodes, Instant purgedAt) {
}
