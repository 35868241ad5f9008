package org.peersupport.portal.course.control;

import java.util.Objects;

/**
 * A service a candidate can contact for support, e.g. Samaritans on 116 123. It has a name, and at least one of
 * phone, text and url is given (not blank).
 *
 * @param name        the service's name
 * @param phone       a number to call, or {@code null}
 * @param text        a number to send a text message to, or {@code null}
 * @param url         a web address, or {@code null}
 * @param description when and how to use the service, or {@code null}
 */
public record SignpostContact(String name, String phone, String text, String url, String description) {

    public SignpostContact {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a contact needs a name");
        }
        if (blank(phone) && blank(text) && blank(url)) {
            throw new IllegalArgumentException("a contact needs a phone number, a text number or a web address");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
