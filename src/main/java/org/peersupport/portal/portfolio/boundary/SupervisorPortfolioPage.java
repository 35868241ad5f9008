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
import org.peersupport.portal.platform.control.BusinessException;
import org.peersupport.portal.portfolio.entity.Testimony;

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
        FIELDS.put("testimony.name", "name");
        FIELDS.put("testimony.long", "name");
        FIELDS.put("testimony.role", "role");
        FIELDS.put("testimony.relationship", "relationship");
        FIELDS.put("testimony.statement", "statement");
    }

    @Inject
    Portfolios portfolios;

    @Inject
    Testimonies testimonies;

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    private Long enrolment;
    private String title;
    private String witnessName;
    private String witnessRole;
    private String witnessRelationship;
    private String witnessStatement;
    private final Map<String, String> errors = new HashMap<>();
    private transient SupervisorPortfolio portfolio;
    private transient MatrixView matrix;

    public void load() throws IOException {
        if (enrolment == null) {
            faces.getExternalContext().responseSendError(404, "No such portfolio");
            faces.responseComplete();
            return;
        }
        portfolio = PageLoads.loadOrNotFound(faces, () -> portfolios.supervisorPortfolio(enrolment));
    }

    public SupervisorPortfolio getPortfolio() {
        if (portfolio == null && enrolment != null) {
            portfolio = portfolios.supervisorPortfolio(enrolment);
        }
        return portfolio;
    }

    public MatrixView getMatrix() {
        if (matrix == null && enrolment != null) {
            matrix = portfolios.matrix(enrolment);
        }
        return matrix;
    }

    public String recordTestimony() {
        errors.clear();
        try {
            testimonies.record(enrolment, title, new Testimony(witnessName, witnessRole, witnessRelationship, witnessStatement));
        } catch (BusinessException e) {
            String field = PortfolioPages.field(e, FIELDS);
            if (field != null) {
                errors.put(field, messages.text(e));
            } else {
                messages.refused(null, e);
            }
            return null;
        }
        messages.info(null, "supervisorPortfolio.testimony.recorded", witnessName);
        return "portfolio?faces-redirect=true&enrolment=" + enrolment;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public Long getEnrolment() { return enrolment; }
    public void setEnrolment(Long enrolment) { this.enrolment = enrolment; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getWitnessName() { return witnessName; }
    public void setWitnessName(String witnessName) { this.witnessName = witnessName; }
    public String getWitnessRole() { return witnessRole; }
    public void setWitnessRole(String witnessRole) { this.witnessRole = witnessRole; }
    public String getWitnessRelationship() { return witnessRelationship; }
    public void setWitnessRelationship(String witnessRelationship) { this.witnessRelationship = witnessRelationship; }
    public String getWitnessStatement() { return witnessStatement; }
    public void setWitnessStatement(String witnessStatement) { this.witnessStatement = witnessStatement; }
}
