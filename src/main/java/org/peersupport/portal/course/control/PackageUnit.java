package org.peersupport.portal.course.control;

import java.util.List;
import java.util.Objects;

/**
 * A unit of the award, e.g. "Mental Health Peer Support: Recovery Context".
 *
 * @param code     the unit's code, unique in the package
 * @param title    the unit's title
 * @param outcomes its learning outcomes in order
 */
public record PackageUnit(String code, String title, List<PackageOutcome> outcomes) {

    public PackageUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(title, "title");
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }
}
