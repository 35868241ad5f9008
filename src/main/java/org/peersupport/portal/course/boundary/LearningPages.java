package org.peersupport.portal.course.boundary;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.function.Supplier;
import org.peersupport.portal.platform.control.BusinessException;

/** What the course pages share: a course that is not there (or not readable) is a 404, as for any page. */
final class LearningPages {

    private LearningPages() {
    }

    static <T> T loadOrNotFound(FacesContext faces, Supplier<T> loader) throws IOException {
        try {
            return loader.get();
        } catch (BusinessException e) {
            ExternalContext external = faces.getExternalContext();
            external.responseSendError(404, e.getMessage());
            faces.responseComplete();
            return null;
        }
    }
}
