package org.peersupport.portal.portfolio.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code supervisor/portfolio.xhtml?enrolment=}: an allocated candidate's evidence, read-only (each item read is
 * audited by the boundary), their submissions, and a form to record a witness testimony the supervisor heard.
 */
@Named
@ViewScoped
public class SupervisorPortfolioPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("evidence.title", "title");
        FIELDS.putAll(TestimonyForm.FIELDS);
    }

    private final SessionBeanRef<Portfolios> portfolios = SessionBeanRef.of(Portfolios.class);

    private final SessionBeanRef<Testimonies> testimonies = SessionBeanRef.of(Testimonies.class);

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long enrolment;
    private String title;
    private final TestimonyForm testimony = new TestimonyForm();
    private final Map<String, String> errors = new HashMap<>();
    private transient SupervisorPortfolio portfolio;
    private transient MatrixView matrix;

    public void load() throws IOException {
        if (enrolment == null) {
            PageLoads.notFound(faces, "No such portfolio");
            return;
        }
        portfolio = PageLoads.loadOrNotFound(faces, () -> portfolios.get().supervisorPortfolio(enrolment));
    }

    public SupervisorPortfolio getPortfolio() {
        if (portfolio == null && enrolment != null) {
            portfolio = portfolios.get().supervisorPortfolio(enrolment);
        }
        return portfolio;
    }

    public MatrixView getMatrix() {
        if (matrix == null && enrolment != null) {
            matrix = portfolios.get().matrix(enrolment);
        }
        return matrix;
    }

    public String recordTestimony() {
        errors.clear();
        try {
            testimonies.get().record(enrolment, title, testimony.testimony());
        } catch (BusinessException e) {
            String field = PortfolioPages.field(e, FIELDS);
            if (field != null) {
                errors.put(field, messages.text(e));
            } else {
                messages.refused(null, e);
            }
            return null;
        }
        messages.info(null, "supervisorPortfolio.testimony.recorded", testimony.getName());
        return "portfolio?faces-redirect=true&enrolment=" + enrolment;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Long getEnrolment() { return enrolment; }
    public void setEnrolment(Long enrolment) { this.enrolment = enrolment; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public TestimonyForm getTestimony() { return testimony; }
}
