package org.peersupport.portal.identity.boundary;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.peersupport.portal.identity.control.Callers;
import org.peersupport.portal.identity.control.Directory;
import org.peersupport.portal.identity.control.DirectoryAccount;
import org.peersupport.portal.identity.control.DirectoryUnavailableException;
import org.peersupport.portal.identity.control.RoleMapping;
import org.peersupport.portal.identity.control.SignInNames;
import org.peersupport.portal.identity.control.SignInThrottle;
import org.peersupport.portal.identity.entity.Role;
import org.peersupport.portal.platform.boundary.JsonProblem;
import org.peersupport.portal.platform.control.ClientAddress;
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

    @Inject
    ClientAddress clientAddress;

    /**
     * Request attribute set when sign-in was refused because the account or the client address has too many failed
     * sign-ins (see {@link SignInThrottle}): the {@link java.time.Instant} until which it is locked.
     */
    public static final String LOCKED_UNTIL = DirectoryIdentityStore.class.getName() + ".lockedUntil";

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String address = clientAddress();
        Optional<Instant> locked = signIns.lockedUntil(credential.getCaller(), address);
        if (locked.isPresent()) {
            // refused without asking the directory, so a locked account cannot be probed for its password
            mark(LOCKED_UNTIL, locked.get());
            signIns.recordRefusedSignIn(credential.getCaller(), locked.get());
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (SignInNames.hasControlCharacters(credential.getCaller())) {
            signIns.recordFailedSignIn(credential.getCaller(), "username held control characters", address)
                    .ifPresent(until -> mark(LOCKED_UNTIL, until));
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<DirectoryAccount> account;
        try {
            account = directory.authenticate(credential.getCaller(), credential.getPassword().getValue());
        } catch (DirectoryUnavailableException e) {
            markDirectoryUnavailable();
            signIns.recordFailedSignIn(credential.getCaller(), "directory unavailable");
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (account.isEmpty()) {
            signIns.recordFailedSignIn(credential.getCaller(), "unknown username or wrong password", address)
                    .ifPresent(until -> mark(LOCKED_UNTIL, until));
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<Role> roles = RoleMapping.from(config::value).rolesFor(account.get().groupDns());
        long personId = recordSignIn(account.get(), roles);
        Set<String> roleNames = roles.stream().map(Role::roleName).collect(Collectors.toSet());
        keepForSession(account.get().profile().username(), personId, account.get().profile().displayName(), roleNames);
        return new CredentialValidationResult(new CallerPrincipal(account.get().profile().username()), roleNames);
    }

    /**
     * Records the sign-in, once more if the person signed in twice at the same moment (two devices, or two tabs on a
     * first visit): both transactions write the person's row, and the one that lost (a version conflict, or the
     * unique directory id of a first sign-in) is tried again and then finds the other's row. The load smoke test, with
     * two virtual users of one HR account signing in at once, met it.
     */
    private long recordSignIn(DirectoryAccount account, Set<Role> roles) {
        try {
            return signIns.recordSignIn(account, roles).getId();
        } catch (EJBException e) {
            if (!sameRowRace(e)) {
                throw e;
            }
            return signIns.recordSignIn(account, roles).getId();
        }
    }

    private static boolean sameRowRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
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
                if (!JsonProblem.isApi(request.get())) {
                    new SignedInRoles(username, personId, displayName, roleNames).keepIn(request.get());
                }
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not in a web request, or the response is committed: the container's own session handling applies
        }
    }

    private void markDirectoryUnavailable() {
        mark(DIRECTORY_UNAVAILABLE, Boolean.TRUE);
    }

    private void mark(String attribute, Object value) {
        try {
            if (request.isResolvable()) {
                request.get().setAttribute(attribute, value);
            }
        } catch (ContextNotActiveException | IllegalStateException e) {
            // not in a web request: nothing to tell
        }
    }

    /** The client's address (see {@link ClientAddress}), or null outside a web request. */
    private String clientAddress() {
        try {
            return request.isResolvable() ? clientAddress.of(request.get()) : null;
        } catch (ContextNotActiveException | IllegalStateException e) {
            return null;
        }
    }
}
