package org.peersupport.portal.portfolio.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.platform.control.DatabaseOutage;
import org.peersupport.portal.portfolio.entity.EvidenceKind;
import org.peersupport.portal.portfolio.entity.Testimony;
import org.peersupport.portal.portfolio.entity.WitnessStatus;

/**
 * Backs {@code candidate/evidence.xhtml}: with {@code ?id=} it edits an item (title, the rich text of a written piece
 * or reflection, autosaved as the candidate types, a file to replace, a testimony to revise, "assessor only", and the
 * evidence requirements it maps to, grouped by unit and outcome); with {@code ?enrolment=&kind=FILE} or
 * {@code kind=WITNESS} it adds a file or asks a witness for a testimony. A refusal is shown next to its field and
 * everything typed stays in the form. The view keeps ids and form fields only.
 */
@Named
@ViewScoped
public class EvidencePage implements Serializable {

    private static final Logger LOG = Logger.getLogger(EvidencePage.class.getName());

    private static final long serialVersionUID = 1L;

    /** Which field a refusal belongs to, by the start of its key. */
    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("evidence.title", "title");
        FIELDS.put("evidence.date", "date");
        FIELDS.put("evidence.body", "body");
        FIELDS.put("evidence.requirements", "requirements");
        FIELDS.put("evidence.upload", "file");
        FIELDS.put("testimony.witness", "witness");
        FIELDS.putAll(TestimonyForm.FIELDS);
    }

    private final SessionBeanRef<Portfolios> portfolios = SessionBeanRef.of(Portfolios.class);

    private final SessionBeanRef<EvidenceItems> evidenceItems = SessionBeanRef.of(EvidenceItems.class);

    private final SessionBeanRef<Testimonies> testimonies = SessionBeanRef.of(Testimonies.class);

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long id;
    private Long enrolment;
    private String kind;

    private String title;
    private String bodyHtml;
    private LocalDate reflectionDate;
    private boolean assessorOnly;
    private final Map<Long, Boolean> mapped = new HashMap<>();
    private String witnessUsername;
    private final TestimonyForm testimony = new TestimonyForm();
    private long version;
    private Instant savedAt;
    private Integer wordCount;
    private String autosaveProblem;
    private String fileTitle;
    private transient Part file;
    private final Map<String, String> errors = new HashMap<>();

    private transient ItemView item;
    private transient MatrixView structure;

    public void load() throws IOException {
        if (id != null) {
            ItemPage page = PageLoads.loadOrNotFound(faces, () -> portfolios.get().itemPage(id));
            if (page == null) {
                return;
            }
            keep(page);
            enrolment = item.enrolmentId();
            kind = item.kind().name();
            fill(item);
            return;
        }
        if (enrolment == null || !("FILE".equals(kind) || "WITNESS".equals(kind))) {
            PageLoads.notFound(faces, "No such evidence");
            return;
        }
        structure = PageLoads.loadOrNotFound(faces, () -> portfolios.get().matrix(enrolment));
        if (structure != null && !structure.heading().editable()) {
            PageLoads.notFound(faces, "This portfolio cannot change");
        }
    }

    /** The item and its portfolio's matrix, read together (not kept in the view: they are read again on a post). */
    private void keep(ItemPage page) {
        item = page.item();
        structure = page.matrix();
    }

    private void fill(ItemView view) {
        title = view.title();
        bodyHtml = view.bodyHtml();
        reflectionDate = view.reflectionDate();
        assessorOnly = view.assessorOnly();
        mapped.clear();
        view.requirementIds().forEach(r -> mapped.put(r, Boolean.TRUE));
        version = view.version();
        savedAt = view.draftSavedAt();
        wordCount = view.wordCount();
        TestimonyView t = view.testimony();
        if (t != null) {
            witnessUsername = t.witnessUsername();
            testimony.fill(t);
        }
    }

    // ---------------------------------------------------------------- reading

    public ItemView getItem() {
        if (item == null && id != null) {
            keep(portfolios.get().itemPage(id));
        }
        return item;
    }

    public MatrixView getStructure() {
        if (structure == null && id != null) {
            keep(portfolios.get().itemPage(id));
        } else if (structure == null && enrolment != null) {
            structure = portfolios.get().matrix(enrolment);
        }
        return structure;
    }

    public boolean isEditable() {
        return getStructure() != null && structure.heading().editable();
    }

    public boolean isHasBody() {
        return kind != null && EvidenceKind.valueOf(kind).hasBody();
    }

    /** A testimony the candidate asked for, while its witness has not confirmed it: its words may still change. */
    public boolean isTestimonyEditable() {
        ItemView view = getItem();
        return isEditable() && view != null && view.testimony() != null && view.testimony().witnessUsername() != null
                && (view.testimony().status() == WitnessStatus.AWAITING || view.testimony().status() == WitnessStatus.DECLINED);
    }

    public String error(String field) {
        return errors.get(field);
    }

    // ---------------------------------------------------------------- actions

    public String save() {
        errors.clear();
        Testimony revised = isTestimonyEditable() ? testimony.testimony() : null;
        ItemEdit edit = new ItemEdit(title, assessorOnly, chosen(), bodyHtml, reflectionDate, witnessUsername, revised);
        try {
            evidenceItems.get().save(id, edit, version);
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "evidence.saved");
        return "evidence?faces-redirect=true&id=" + id;
    }

    /**
     * Called by the editor's script a moment after the candidate stops typing. When the database cannot be reached the
     * script is told to try again ({@code autosaveRetry}), which it does with a growing delay.
     */
    public void autosave() {
        try {
            Saved saved = evidenceItems.get().autosave(id, bodyHtml, version);
            version = saved.version();
            savedAt = saved.savedAt();
            wordCount = saved.wordCount();
            autosaveProblem = null;
        } catch (BusinessException e) {
            autosaveProblem = messages.text(e);
        } catch (RuntimeException e) {
            if (!DatabaseOutage.isCause(e)) {
                throw e;
            }
            // the editor's script tries again, later and later, and says so (evidence.js); the text stays in the editor
            LOG.warning(() -> "The database cannot be reached: the autosave of item " + id + " will be tried again ("
                    + DatabaseOutage.describe(e) + ")");
            autosaveProblem = messages.text("evidence.autosave.retryingNow");
            org.primefaces.PrimeFaces.current().ajax().addCallbackParam("autosaveRetry", true);
        }
    }

    public String upload() throws IOException {
        errors.clear();
        if (file == null || file.getSize() == 0) {
            errors.put("file", messages.text("evidence.file.required"));
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            long created = evidenceItems.get().createFile(enrolment, fileTitle, in, file.getSubmittedFileName());
            messages.info(null, "evidence.file.uploaded");
            return "evidence?faces-redirect=true&id=" + created;
        } catch (BusinessException e) {
            return refused(e);
        }
    }

    public String replace() throws IOException {
        errors.clear();
        if (file == null || file.getSize() == 0) {
            errors.put("file", messages.text("evidence.file.required"));
            return null;
        }
        try (InputStream in = file.getInputStream()) {
            evidenceItems.get().replaceFile(id, in, file.getSubmittedFileName(), version);
            messages.info(null, "evidence.file.replaced");
            return "evidence?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            return refused(e);
        }
    }

    public String requestTestimony() {
        errors.clear();
        try {
            long created = testimonies.get().request(enrolment, title, witnessUsername, testimony.testimony());
            messages.info(null, "evidence.testimony.requested");
            return "evidence?faces-redirect=true&id=" + created;
        } catch (BusinessException e) {
            return refused(e);
        }
    }

    public String delete() {
        try {
            evidenceItems.get().delete(id, version);
        } catch (BusinessException e) {
            return refused(e);
        }
        messages.info(null, "evidence.deleted", title);
        return "portfolio?faces-redirect=true&enrolment=" + enrolment;
    }

    private Set<Long> chosen() {
        return mapped.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Shows a refusal next to its field when it has one, else at the top; what was typed stays. */
    private String refused(BusinessException e) {
        String field = PortfolioPages.field(e, FIELDS);
        if (field != null) {
            errors.put(field, messages.text(e));
        } else {
            messages.refused(null, e);
        }
        item = null;
        structure = null;
        return null;
    }

    // ---------------------------------------------------------------- view parameters and fields

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getEnrolment() { return enrolment; }
    public void setEnrolment(Long enrolment) { this.enrolment = enrolment; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getBodyHtml() { return bodyHtml; }
    public void setBodyHtml(String bodyHtml) { this.bodyHtml = bodyHtml; }
    public LocalDate getReflectionDate() { return reflectionDate; }
    public void setReflectionDate(LocalDate reflectionDate) { this.reflectionDate = reflectionDate; }
    public boolean isAssessorOnly() { return assessorOnly; }
    public void setAssessorOnly(boolean assessorOnly) { this.assessorOnly = assessorOnly; }
    public Map<Long, Boolean> getMapped() { return mapped; }
    public String getWitnessUsername() { return witnessUsername; }
    public void setWitnessUsername(String witnessUsername) { this.witnessUsername = witnessUsername; }
    public TestimonyForm getTestimony() { return testimony; }
    public Instant getSavedAt() { return savedAt; }
    public Integer getWordCount() { return wordCount; }
    public String getAutosaveProblem() { return autosaveProblem; }
    public String getFileTitle() { return fileTitle; }
    public void setFileTitle(String fileTitle) { this.fileTitle = fileTitle; }
    public Part getFile() { return file; }
    public void setFile(Part file) { this.file = file; }
}
