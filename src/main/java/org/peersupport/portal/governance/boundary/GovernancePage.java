package org.peersupport.portal.governance.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;

/**
 * Backs {@code governance/index.xhtml?q=}: the register of the personal data each feature holds, and the search for
 * the person a subject access request is about.
 */
@Named
@RequestScoped
public class GovernancePage {

    @Inject
    SubjectAccess subjectAccess;

    @Inject
    SubjectAccessRequests requests;

    private List<SubjectAccessRequests.RequestLine> requestLines;

    private String q;
    private List<SubjectAccess.Found> found;
    private List<PersonalData> register;

    public List<PersonalData> getRegister() {
        if (register == null) {
            register = subjectAccess.register();
        }
        return register;
    }

    public List<SubjectAccessRequests.RequestLine> getRequests() {
        if (requestLines == null) {
            requestLines = requests.register();
        }
        return requestLines;
    }

    public List<SubjectAccess.Found> getFound() {
        if (found == null) {
            found = subjectAccess.find(q);
        }
        return found;
    }

    public boolean isSearched() {
        return q != null && !q.isBlank();
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q == null ? null : q.strip();
    }
}
