package org.peersupport.portal.portfolio.boundary;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import org.peersupport.portal.platform.boundary.Messages;
import org.peersupport.portal.platform.boundary.PageLoads;
import org.peersupport.portal.platform.boundary.SessionBeanRef;
import org.peersupport.portal.platform.control.BusinessException;

/**
 * Backs {@code candidate/portfolio.xhtml?enrolment=}: the candidate's evidence items, buttons to start a new one,
 * and the course's assessment tasks with their submissions. Without an enrolment it opens the candidate's first
 * portfolio. The view keeps only the enrolment id; the portfolio is read again when the view is restored.
 */
@Named
@ViewScoped
public class PortfolioPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SessionBeanRef<Portfolios> portfolios = SessionBeanRef.of(Portfolios.class);

    private final SessionBeanRef<EvidenceItems> evidenceItems = SessionBeanRef.of(EvidenceItems.class);

    @Inject
    Messages messages;

    @Inject
    FacesContext faces;

    @Inject
    PortfolioFormat format;

    private Long enrolment;
    private transient PortfolioView portfolio;

    public void load() throws IOException {
        if (enrolment == null) {
            PortfolioSummary first = portfolios.get().myPortfolios().stream().filter(p -> p.heading().editable()).findFirst()
                    .orElse(portfolios.get().myPortfolios().stream().findFirst().orElse(null));
            if (first == null) {
                faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath() + "/candidate/index.xhtml");
                faces.responseComplete();
                return;
            }
            enrolment = first.heading().enrolmentId();
        }
        portfolio = PageLoads.loadOrNotFound(faces, () -> portfolios.get().portfolio(enrolment));
    }

    public PortfolioView getPortfolio() {
        if (portfolio == null && enrolment != null) {
            portfolio = portfolios.get().portfolio(enrolment);
        }
        return portfolio;
    }

    public String newWritten() {
        return created(() -> evidenceItems.get().createWritten(enrolment, messages.text("portfolio.new.written.title",
                format.date(Instant.now()))), "portfolio.new.written.done");
    }

    public String newReflection() {
        return created(() -> evidenceItems.get().createReflection(enrolment, messages.text("portfolio.new.reflection.title",
                format.date(Instant.now())), null), "portfolio.new.reflection.done");
    }

    private String created(java.util.function.LongSupplier create, String doneKey) {
        try {
            long id = create.getAsLong();
            messages.info(null, doneKey);
            return "evidence?faces-redirect=true&id=" + id;
        } catch (BusinessException e) {
            messages.refused(null, e);
            portfolio = null;
            return null;
        }
    }

    public Long getEnrolment() {
        return enrolment;
    }

    public void setEnrolment(Long enrolment) {
        this.enrolment = enrolment;
    }
}
