package org.peersupport.portal.governance.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.governance.entity.Disclosure;
import org.peersupport.portal.governance.entity.SubjectAccessRequest;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.UkTime;

/**
 * Backs {@code governance/request.xhtml}: with {@code ?person=} the form that records a new request about that
 * person; with {@code ?id=} one request: its dates, the rule for each class of record that names other people, the
 * export once every rule is decided, and marking it answered. What the officer typed stays when it is refused, with
 * the reason next to its field.
 */
@Named
@ViewScoped
public class RequestPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<SubjectAccessRequests> requests = SessionBeanRef.of(SubjectAccessRequests.class);

    private final SessionBeanRef<SubjectAccess> subjectAccess = SessionBeanRef.of(SubjectAccess.class);

    @Inject
    Messages messages;

    @Inject
    Clock clock;

    private Long id;
    private Long person;
    private SubjectAccess.Found subject;
    private SubjectAccessRequests.RequestView view;

    private String receivedOn;
    private String channel;
    private String reference;
    private final Map<String, String> fieldErrors = new HashMap<>();

    private final Map<String, String> decisions = new HashMap<>();
    private final Map<String, String> reasons = new HashMap<>();
    private final Map<String, String> classErrors = new HashMap<>();
    private String error;

    public void load() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (id != null) {
            view = PageLoads.loadOrNotFound(faces, () -> requests.get().request(id), "governance.request.notFound");
        } else if (person != null) {
            subject = PageLoads.loadOrNotFound(faces, () -> subjectAccess.get().person(person), "governance.person.notFound");
            if (receivedOn == null) {
                receivedOn = LocalDate.now(clock.withZone(UkTime.ZONE)).toString();
            }
        } else {
            PageLoads.notFound(faces, "There is no such request.");
        }
    }

    public String record() {
        fieldErrors.clear();
        LocalDate received;
        try {
            received = receivedOn == null || receivedOn.isBlank() ? null : LocalDate.parse(receivedOn.strip());
        } catch (DateTimeParseException e) {
            fieldErrors.put("receivedOn", messages.text("audit.date.invalid"));
            return null;
        }
        try {
            long created = requests.get().record(person, received, channel == null || channel.isBlank() ? null
                    : SubjectAccessRequest.Channel.valueOf(channel), reference);
            return "/governance/request.xhtml?faces-redirect=true&id=" + created;
        } catch (BusinessException e) {
            String field = e.key().startsWith("governance.request.receivedOn") ? "receivedOn"
                    : e.key().startsWith("governance.request.channel") ? "channel"
                    : e.key().startsWith("governance.request.reference") ? "reference" : "form";
            fieldErrors.put(field, messages.text(e));
            return null;
        }
    }

    public void decide(String recordClass) {
        classErrors.clear();
        error = null;
        try {
            String decision = decisions.get(recordClass);
            requests.get().decide(id, recordClass, decision == null || decision.isBlank() ? null
                    : Disclosure.Decision.valueOf(decision), reasons.get(recordClass));
            decisions.remove(recordClass);
            reasons.remove(recordClass);
            messages.info(null, "governance.request.decided");
        } catch (BusinessException e) {
            classErrors.put(recordClass, messages.text(e));
        }
        view = requests.get().request(id);
    }

    public void complete() {
        error = null;
        try {
            requests.get().complete(id, view.version());
            messages.info(null, "governance.request.completed");
        } catch (BusinessException e) {
            error = messages.text(e);
        }
        view = requests.get().request(id);
    }

    public List<SubjectAccessRequest.Channel> getChannels() {
        return List.of(SubjectAccessRequest.Channel.values());
    }

    public List<Disclosure.Decision> getDecisionChoices() {
        return List.of(Disclosure.Decision.values());
    }

    public SubjectAccessRequests.RequestView getView() {
        return view;
    }

    public SubjectAccess.Found getSubject() {
        return subject;
    }

    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    public Map<String, String> getClassErrors() {
        return classErrors;
    }

    public Map<String, String> getDecisions() {
        return decisions;
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public String getError() {
        return error;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getPerson() {
        return person;
    }

    public void setPerson(Long person) {
        this.person = person;
    }

    public String getReceivedOn() {
        return receivedOn;
    }

    public void setReceivedOn(String receivedOn) {
        this.receivedOn = receivedOn;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }
}
