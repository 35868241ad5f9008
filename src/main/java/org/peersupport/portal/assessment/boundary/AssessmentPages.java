package org.peersupport.portal.assessment.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.function.Supplier;
import org.peersupport.portal.platform.control.BusinessException;

/** What the assessment pages share: a submission that is not there, or not the caller's to see, is a 404. */
final class AssessmentPages {

    private AssessmentPages() {
    }

    /** The loader's result; a refusal whose key is one of {@code notFoundKeys} (or has no key) ends in a 404. */
    static <T> T loadOrNotFound(FacesContext faces, Supplier<T> loader, String... notFoundKeys) throws IOException {
        try {
            return loader.get();
        } catch (BusinessException e) {
            for (String key : notFoundKeys) {
                if (key.equals(e.key())) {
                    faces.getExternalContext().responseSendError(404, e.getMessage());
                    faces.responseComplete();
                    return null;
                }
            }
            throw e;
        }
    }
}
