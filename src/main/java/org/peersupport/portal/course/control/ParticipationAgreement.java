package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * The course's confidentiality and participation agreement, which candidates read at the start.
 *
 * @param markdown the agreement text as Markdown
 * @param draft    {@code true} while the centre has still to confirm the wording
 */
public record ParticipationAgreement(String markdown, boolean draft) {

    public ParticipationAgreement {
        Objects.requireNonNull(markdown, "markdown");
    }
}
