package org.peersupport.portal.portfolio.boundary;

import java.util.Map;
import org.peersupport.portal.platform.control.BusinessException;

/** What the portfolio's page beans share: refusals go next to their field. */
final class PortfolioPages {

    private PortfolioPages() {
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
