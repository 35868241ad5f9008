package org.peersupport.portal.portfolio.boundary;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.peersupport.portal.platform.control.BusinessException;

/** What the portfolio's page beans share: missing or unreadable evidence is a 404, and refusals go next to their field. */
final class PortfolioPages {

    private PortfolioPages() {
    }

    /** Loads what a page shows; a refusal ("no such evidence, or not yours") becomes the 404 page. */
    static <T> T loadOrNotFound(FacesContext faces, Supplier<T> loader) throws IOException {
        try {
            return loader.get();
        } catch (BusinessException e) {
            faces.getExternalContext().responseSendError(404, e.getMessage());
            faces.responseComplete();
            return null;
        }
    }

    /**
     * The form field a refusal belongs to, from its key: "evidence.title.required" is the title's, "testimony.role.required"
     * the role's; null for a refusal of the whole form.
     */
    static String field(BusinessException e, Map<String, String> fieldsByKeyPart) {
        if (e.key() == null) {
            return null;
        }
        for (Map.Entry<String, String> entry : fieldsByKeyPart.entrySet()) {
            if (e.key().startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return null;
    }
}
