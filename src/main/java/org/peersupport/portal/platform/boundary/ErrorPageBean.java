package org.peersupport.portal.platform.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the "something went wrong" page a short reference and logs the failure under it, so a service desk
 * can find the cause without the page showing any technical detail.
 */
@Named("errorPage")
@RequestScoped
public class ErrorPageBean {

    private static final Logger LOG = Logger.getLogger(ErrorPageBean.class.getName());

    @Inject
    ExternalContext external;

    private String reference;

    public String getReference() {
        if (reference == null) {
            reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            Object failure = external.getRequestMap().get("jakarta.servlet.error.exception");
            LOG.log(Level.SEVERE, "Error reference " + reference + " for "
                    + external.getRequestMap().get("jakarta.servlet.error.request_uri"),
                    failure instanceof Throwable throwable ? throwable : null);
        }
        return reference;
    }
}
