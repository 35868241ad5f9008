package org.peersupport.portal.portfolio.boundary;

import java.time.LocalDate;
import java.util.Set;
import org.peersupport.portal.portfolio.entity.Testimony;

/**
 * What the candidate saves on an item: title, "assessor only", the requirements it maps to, and what its kind has:
 * the body of a written piece or reflection (untrusted HTML, sanitised by the boundary), a reflection's date, or a
 * testimony they asked a witness for (with the witness's directory username). Fields of other kinds are ignored.
 */
public record ItemEdit(String title, boolean assessorOnly, Set<Long> requirementIds, String bodyHtml,
        LocalDate reflectionDate, String witnessUsername, Testimony testimony) {
}
