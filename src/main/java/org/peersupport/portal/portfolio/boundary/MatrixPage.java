package org.peersupport.portal.portfolio.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.peersupport.portal.platform.boundary.PageLoads;

/** Backs {@code candidate/matrix.xhtml?enrolment=}: units x outcomes x evidence requirements, each with where it stands. */
@Named
@RequestScoped
public class MatrixPage {

    @Inject
    Portfolios portfolios;

    @Inject
    FacesContext faces;

    private Long enrolment;
    private MatrixView matrix;

    public void load() throws IOException {
        if (enrolment == null) {
            PageLoads.notFound(faces, "No such portfolio");
            return;
        }
        matrix = PageLoads.loadOrNotFound(faces, () -> portfolios.matrix(enrolment));
    }

    public MatrixView getMatrix() {
        return matrix;
    }

    public Long getEnrolment() {
        return enrolment;
    }

    public void setEnrolment(Long enrolment) {
        this.enrolment = enrolment;
    }
}
