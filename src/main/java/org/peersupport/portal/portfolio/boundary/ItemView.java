package org.peersupport.portal.portfolio.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.portfolio.entity.EvidenceKind;

/**
 * An evidence item with its content, for the candidate and the allocated supervisor (whose read is audited):
 * sanitised HTML for written pieces and reflections, the file's details, or the testimony; the requirements it maps
 * to; and the version an edit must carry.
 */
public record ItemView(long id, long enrolmentId, EvidenceKind kind, String title, String bodyHtml, int wordCount,
        LocalDate reflectionDate, FileInfo file, TestimonyView testimony, boolean assessorOnly, Set<Long> requirementIds,
        List<String> requirementCodes, String createdBy, Instant createdAt, Instant updatedAt, Instant draftSavedAt,
        long version) {
}
