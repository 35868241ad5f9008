package org.peersupport.portal.governance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * Backs {@code privacy.xhtml}, the privacy notice anyone may read, signed in or not: the portal's plain-English text
 * from the bundle, with the parts only the organisation can say (who the controller is, how to reach the data
 * protection officer, the lawful basis) from its configuration ({@code portal.privacy.*}).
 */
@Named
@RequestScoped
public class PrivacyNoticePage {

    @Inject
    PortalConfig config;

    /** The organisation that decides how the portal's information is used; null when not configured. */
    public String getController() {
        return config.value(PortalSetting.PRIVACY_CONTROLLER).orElse(null);
    }

    public String getDpoContact() {
        return config.value(PortalSetting.PRIVACY_DPO_CONTACT).orElse(null);
    }

    public String getLawfulBasis() {
        return config.value(PortalSetting.PRIVACY_LAWFUL_BASIS).orElse(null);
    }
}
