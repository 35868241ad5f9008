package org.peersupport.portal.portfolio.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code candidate/submit.xhtml?enrolment=&task=}: the candidate ticks the items to submit and the declaration,
 * and submits. The form carries a one-time token made when the page is first shown: a double click sends it twice
 * and gets the same submission back; another tab has its own token and gets the submission already waiting for
 * review. Either way the candidate lands on the submission.
 */
@Named
@ViewScoped
public class SubmitPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Submissions> submissions = SessionBeanRef.of(Submissions.class);

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long enrolment;
    private Long task;
    private String token;
    private final Map<Long, Boolean> chosen = new HashMap<>();
    private boolean declared;
    private final Map<String, String> errors = new HashMap<>();
    private transient SubmitForm form;

    public void load() throws IOException {
        if (enrolment == null || task == null) {
            PageLoads.notFound(faces, "No such task");
            return;
        }
        form = PageLoads.loadOrNotFound(faces, () -> submissions.get().submitForm(enrolment, task));
        token = UUID.randomUUID().toString();
    }

    public SubmitForm getForm() {
        if (form == null && enrolment != null && task != null) {
            form = submissions.get().submitForm(enrolment, task);
        }
        return form;
    }

    public String submit() {
        errors.clear();
        List<Long> items = getForm().items().stream().filter(i -> Boolean.TRUE.equals(chosen.get(i.id())))
                .map(ItemLine::id).toList();
        if (items.isEmpty()) {
            errors.put("items", messages.text("submit.items.required"));
        }
        if (!declared) {
            errors.put("declaration", messages.text("submit.declaration.required"));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        try {
            SubmitOutcome outcome = submissions.get().submit(enrolment, task, items, declared, messages.text("submit.declaration"),
                    token);
            if (outcome.created()) {
                messages.info(null, "submit.done", outcome.attempt());
            } else {
                messages.info(null, "submit.already", outcome.attempt());
            }
            return "submission?faces-redirect=true&id=" + outcome.submissionId();
        } catch (BusinessException e) {
            if (e.key() != null && e.key().startsWith("submission.item")) {
                errors.put("items", messages.text(e));
            } else if (e.key() != null && e.key().startsWith("submission.declaration")) {
                errors.put("declaration", messages.text(e));
            } else {
                messages.refused(null, e);
            }
            form = null;
            return null;
        }
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Long getEnrolment() { return enrolment; }
    public void setEnrolment(Long enrolment) { this.enrolment = enrolment; }
    public Long getTask() { return task; }
    public void setTask(Long task) { this.task = task; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public Map<Long, Boolean> getChosen() { return chosen; }
    public boolean isDeclared() { return declared; }
    public void setDeclared(boolean declared) { this.declared = declared; }
}
