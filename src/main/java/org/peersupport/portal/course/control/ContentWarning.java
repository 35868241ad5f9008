package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;

/**
 * A content warning shown before a session's material, with places to get support.
 *
 * @param topics      the difficult topics the session deals with, e.g. trauma, suicidality, risk
 * @param note        a short note to candidates, or {@code null}
 * @param signposting where to get support
 */
public record ContentWarning(List<String> topics, String note, List<SignpostContact> signposting) {

    public ContentWarning {
        Objects.requireNonNull(topics, "topics");
        topics = List.copyOf(topics);
        signposting = signposting == null ? List.of() : List.copyOf(signposting);
    }
}
