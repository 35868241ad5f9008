package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * The qualification a course leads to.
 *
 * @param name      the award's name, e.g. "Professional Development Award in Mental Health Peer Support"
 * @param scqfLevel its level on the Scottish Credit and Qualifications Framework (1 to 12)
 * @param credits   SCQF credit points, or {@code null} when the package does not state them
 */
public record Award(String name, int scqfLevel, Integer credits) {

    public Award {
        Objects.requireNonNull(name, "name");
    }
}
