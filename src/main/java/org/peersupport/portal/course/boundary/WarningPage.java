package org.peersupport.portal.course.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.peersupport.portal.course.control.SignpostContact;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code coordinator/warning.xhtml?session=}: a session's content warning, topics one a line, a note and
 * rows of signposting contacts. The view keeps the form's fields only; nothing is saved until "Save".
 */
@Named
@ViewScoped
public class WarningPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<ContentWarnings> warnings = SessionBeanRef.of(ContentWarnings.class);

    @Inject
    FacesContext faces;

    @Inject
    Messages messages;

    private Long session;
    private String title;
    private int sessionNumber;
    private long courseId;
    private String courseCode;
    private int versionNumber;
    private boolean editable;
    private String topics;
    private String note;
    private List<ContactRow> contacts = new ArrayList<>();
    private long version;
    /** The row whose name field takes the focus: the one just added. */
    private Integer focusRow;
    /** Problems by field, e.g. "topics" or "contact:2:url", shown next to the field. */
    private final FieldProblems errors = new FieldProblems();

    public void load() throws IOException {
        ContentWarningEditView view = PageLoads.loadOrNotFound(faces, () -> {
            if (session == null) {
                throw new BusinessException("course.session.notFound", "There is no such session.");
            }
            return warnings.get().contentWarning(session);
        });
        if (view == null) {
            return;
        }
        title = view.sessionTitle();
        sessionNumber = view.sessionNumber();
        courseId = view.courseId();
        courseCode = view.courseCode();
        versionNumber = view.versionNumber();
        editable = view.editable();
        topics = String.join("\n", view.topics());
        note = view.note();
        contacts = new ArrayList<>(view.contacts().stream().map(ContactRow::of).toList());
        version = view.version();
    }

    public void addContact() {
        contacts.add(new ContactRow());
        focusRow = contacts.size() - 1;
        errors.clear();
    }

    public void removeContact(int index) {
        if (index >= 0 && index < contacts.size()) {
            contacts.remove(index);
        }
        focusRow = null;
        errors.clear();
    }

    public String save() {
        errors.clear();
        focusRow = null;
        List<SignpostContact> checked = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            ContactRow row = contacts.get(i);
            if (row.isEmpty()) {
                continue; // a row added and left empty
            }
            try {
                checked.add(ContentWarnings.contact(i + 1, row.getName(), row.getPhone(), row.getText(), row.getUrl(),
                        row.getDescription()));
            } catch (BusinessException e) {
                errors.put("contact:" + i + ":" + FieldProblems.field(e), messages.text(e));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        List<String> lines = topics == null ? List.of() : Arrays.stream(topics.split("\\R"))
                .map(String::strip).filter(t -> !t.isEmpty()).toList();
        try {
            warnings.get().updateContentWarning(session, lines, note, checked, version);
        } catch (BusinessException e) {
            errors.refused(null, Set.of("topics"), e, messages, faces);
            return null;
        }
        messages.info(null, lines.isEmpty() ? "warning.removed" : "warning.saved", sessionNumber);
        return "warning?faces-redirect=true&includeViewParams=true";
    }

    public String error(String field) {
        return errors.get(field);
    }

    public String contactError(int index, String field) {
        return errors.get("contact:" + index + ":" + field);
    }

    public boolean focus(int index) {
        return focusRow != null && focusRow == index;
    }

    public List<String> getTopicList() {
        return topics == null ? List.of() : Arrays.stream(topics.split("\\R")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    public Long getSession() {
        return session;
    }

    public void setSession(Long session) {
        this.session = session;
    }

    public String getTitle() {
        return title;
    }

    public int getSessionNumber() {
        return sessionNumber;
    }

    public long getCourseId() {
        return courseId;
    }

    public String getCourseCode() {
        return courseCode;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public boolean isEditable() {
        return editable;
    }

    public String getTopics() {
        return topics;
    }

    public void setTopics(String topics) {
        this.topics = topics;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<ContactRow> getContacts() {
        return contacts;
    }

    /** One signposting contact as typed. */
    public static class ContactRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private String name;
        private String phone;
        private String text;
        private String url;
        private String description;

        static ContactRow of(SignpostContact contact) {
            ContactRow row = new ContactRow();
            row.name = contact.name();
            row.phone = contact.phone();
            row.text = contact.text();
            row.url = contact.url();
            row.description = contact.description();
            return row;
        }

        boolean isEmpty() {
            return CourseEdits.blankToNull(name) == null && CourseEdits.blankToNull(phone) == null
                    && CourseEdits.blankToNull(text) == null && CourseEdits.blankToNull(url) == null
                    && CourseEdits.blankToNull(description) == null;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }
}
