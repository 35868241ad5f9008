package org.peersupport.portal.course.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * The problems a coordinator's form shows next to its fields, by form and field: "unit:12:code" on the
 * structure page, "topics" or "contact:2:url" on the content warning page. A refusal's key names the field it
 * belongs to ({@code structure.code.taken}: code, {@code warning.contact.url.format}: url); one that names no
 * field of the form is shown at the top of the page.
 */
final class FieldProblems implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> problems = new HashMap<>();

    void clear() {
        problems.clear();
    }

    boolean isEmpty() {
        return problems.isEmpty();
    }

    String get(String field) {
        return problems.get(field);
    }

    void put(String field, String text) {
        problems.put(field, text);
    }

    /**
     * Shows the refusal next to the field its key names when that is one of {@code fields} (under
     * "{form}:{field}", or "{field}" for no form), else at the top of the page.
     */
    void refused(String form, Set<String> fields, BusinessException e, Messages messages, FacesContext faces) {
        String field = field(e);
        if (fields.contains(field)) {
            problems.put(form == null ? field : form + ":" + field, messages.text(e));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, messages.text(e), messages.text(e)));
        }
    }

    /**
     * The field a refusal's key names: its second part ("structure.code.taken" is "code", "warning.topics.required"
     * is "topics"), or a contact's third ("warning.contact.url.format" is "url"); "" for none.
     */
    static String field(BusinessException e) {
        String[] parts = e.key() == null ? new String[0] : e.key().split("\\.");
        if (parts.length >= 3 && parts[1].equals("contact")) {
            return parts[2];
        }
        return parts.length >= 2 ? parts[1] : "";
    }
}
