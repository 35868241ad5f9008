package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * A useful resource: further reading, a website or a service. At least one of url and description
 * is given.
 *
 * @param title       the resource's title
 * @param url         a web address, or {@code null}
 * @param description what it is and where to find it, or {@code null}
 */
public record UsefulResource(String title, String url, String description) {

    public UsefulResource {
        Objects.requireNonNull(title, "title");
        if (url == null && description == null) {
            throw new IllegalArgumentException("a resource needs a web address or a description");
        }
    }
}
