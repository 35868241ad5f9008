package org.peersupport.portal.identity.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.DirectoryUnavailableException;
import org.peersupport.portal.identity.control.RoleMapping;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.control.PortalConfig;

/**
 * The Jakarta Security identity store: checks the password against the directory, maps directory groups to
 * portal roles, refreshes the person's record and writes the sign-in to the audit trail.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** Request attribute set when sign-in failed because the directory could not be reached. */
    public static final String DIRECTORY_UNAVAILABLE = DirectoryIdentityStore.class.getName() + ".unavailable";

    @Inject
    Directory directory;

    @Inject
    PortalConfig config;

    @Inject
    SignIns signIns;

    @Inject
    Instance<HttpServletRequest> request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        Optional<DirectoryAccount> account;
        try {
            account = directory.authenticate(credential.getCaller(), credential.getPassword().getValue());
        } catch (DirectoryUnavailableException e) {
            markDirectoryUnavailable();
            signIns.recordFailedSignIn(credential.getCaller(), "directory unavailable");
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (account.isEmpty()) {
            signIns.recordFailedSignIn(credential.getCaller(), "unknown username or wrong password");
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<Role> roles = RoleMapping.from(config::value).rolesFor(account.get().groupDns());
        long personId = signIns.recordSignIn(account.get(), roles).getId();
        Set<String> roleNames = roles.stream().map(Role::roleName).collect(Collectors.toSet());
        keepForSession(account.get().profile().username(), personId, account.get().profile().displayName(), roleNames);
        return new CredentialValidationResult(new CallerPrincipal(account.get().profile().username()), roleNames);
    }

    /**
     * The person's id for this request ({@link Callers}) and, for a sign-in through the form (not an API call, which
     * has no session), for the session: see {@link SignedInRoles}.
     */
    private void keepForSession(String username, long personId, String displayName, Set<String> roleNames) {
        try {
            if (request.isResolvable()) {
                // this request is the person's, by id (see Callers); an API call has no session to keep it in
                Callers.mark(request.get(), username, personId);
                if (!ApiAuthenticationMechanism.isApi(request.get())) {
                    new SignedInRoles(username, personId, displayName, roleNames).keepIn(request.get());
                }
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not in a web request, or the response is committed: the container's own session handling applies
        }
    }

    private void markDirectoryUnavailable() {
        try {
            if (request.isResolvable()) {
                request.get().setAttribute(DIRECTORY_UNAVAILABLE, Boolean.TRUE);
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not in a web request: nothing to tell
        }
    }
}
