package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import org.peersupport.portal.audit.control.AuditEvent;

/**
 * Re-checks a signed-in person's directory password, as a sign-off's e-signature: through Jakarta Security's
 * {@link IdentityStoreHandler}, so exactly the identity store that signs people in ({@code DirectoryIdentityStore}, an
 * LDAP bind) decides. The password is never stored or logged; the caller's array is wiped after use.
 *
 * <p>It runs in a transaction of its own, so the identity store's audit entry of the check (a sign-in, or a failed
 * sign-in) and the refusal recorded here stay in the audit trail even though the refused sign-off rolls back.
 */
@ApplicationScoped
public class PasswordCheck {

    /** What the directory said. */
    public enum Result {
        ACCEPTED,
        REFUSED,
        /** The directory could not be reached, so nothing was decided. */
        UNAVAILABLE
    }

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Event<AuditEvent> audit;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result check(String username, char[] password, String purpose) {
        if (username == null || password == null || password.length == 0) {
            return Result.REFUSED;
        }
        UsernamePasswordCredential credential = new UsernamePasswordCredential(username, new Password(password));
        try {
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID
                    && result.getCallerPrincipal().getName().equalsIgnoreCase(username)) {
                return Result.ACCEPTED;
            }
            if (result.getStatus() == CredentialValidationResult.Status.NOT_VALIDATED) {
                return Result.UNAVAILABLE;
            }
            audit.fire(AuditEvent.by(username, "PASSWORD_RECHECK_REFUSED", null, null, purpose));
            return Result.REFUSED;
        } finally {
            credential.clearCredential();
            Arrays.fill(password, '\0');
        }
    }
}
