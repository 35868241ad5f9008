package org.peersupport.portal.identity.control;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPSearchException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLUtil;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.peersupport.portal.identity.entity.DirectoryProfile;
import org.peersupport.portal.platform.control.PortalConfig;
import org.peersupport.portal.platform.control.PortalSetting;

/**
 * The organisation's directory, spoken to over LDAP with the UnboundID LDAP SDK: a pool of connections bound
 * as the portal's service account (ldap://, ldaps:// or ldap:// with StartTLS, certificates checked against
 * the JVM trust store with host-name verification), person look-up by a configured filter, password check by
 * binding as the person, group membership from a group search or a memberOf attribute, and the line manager's
 * name from the entry a {@code manager} attribute names.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int RESPONSE_TIMEOUT_MILLIS = 10_000;

    @Inject
    PortalConfig config;

    private LDAPConnectionPool pool;

    /** For tests of the directory client outside the container. */
    public void useConfig(PortalConfig settings) {
        this.config = settings;
    }

    /**
     * Checks a username and password against the directory. Empty: no such person, more than one match, or
     * the wrong password (callers must not tell these apart to the user).
     */
    public Optional<DirectoryAccount> authenticate(String username, char[] password) {
        if (username == null || username.isBlank() || password == null || password.length == 0) {
            return Optional.empty(); // an empty password would be an anonymous bind, which always "succeeds"
        }
        Optional<SearchResultEntry> entry = findEntry(username.trim());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        try {
            BindResult result = pool().bindAndRevertAuthentication(
                    new SimpleBindRequest(entry.get().getDN(), new String(password)));
            if (result.getResultCode() != ResultCode.SUCCESS) {
                return Optional.empty();
            }
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
        return Optional.of(toAccount(entry.get()));
    }

    /** Reads a person's current entry without their password, e.g. to refresh a profile. */
    public Optional<DirectoryAccount> lookup(String username) {
        return findEntry(username).map(this::toAccount);
    }

    /** The most people {@link #search} returns. */
    public static final int MAX_SEARCH_RESULTS = 50;

    /**
     * People whose name, display name, email or username contains {@code text} (at least two characters), at most
     * {@code limit} of them, by name. The text is a value in a parameterised filter, escaped by the LDAP SDK: it
     * cannot add filter syntax.
     */
    public List<DirectoryAccount> search(String text, int limit) {
        String wanted = text == null ? "" : text.strip();
        if (wanted.length() < 2) {
            return List.of();
        }
        int size = Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS));
        Set<String> searched = new LinkedHashSet<>(List.of("cn", nameAttribute(),
                config.valueOr(PortalSetting.LDAP_ATTR_EMAIL, "mail"), usernameAttribute()));
        List<SearchResultEntry> entries;
        try {
            SearchRequest search = new SearchRequest(config.required(PortalSetting.LDAP_USER_BASE_DN), SearchScope.SUB,
                    DirectoryFilters.containing(searched, wanted), attributes());
            search.setSizeLimit(size);
            search.setTimeLimitSeconds(RESPONSE_TIMEOUT_MILLIS / 1000);
            entries = pool().search(search).getSearchEntries();
        } catch (LDAPSearchException e) {
            if (e.getResultCode() != ResultCode.SIZE_LIMIT_EXCEEDED) {
                throw unavailable(e);
            }
            entries = e.getSearchEntries();
        } catch (LDAPException e) {
            throw unavailable(e);
        }
        List<DirectoryAccount> found = new ArrayList<>();
        Map<String, Optional<String>> managers = new HashMap<>();
        for (SearchResultEntry entry : entries) {
            found.add(toAccount(entry, false, managers));
        }
        found.sort(java.util.Comparator.comparing(a -> String.valueOf(a.profile().displayName())));
        return found;
    }

    /**
     * The people in a directory group, named by its DN or by its cn under the group base. Empty when there is no
     * such group. Nested groups are not followed.
     */
    public Optional<List<DirectoryAccount>> groupMembers(String group) {
        if (group == null || group.isBlank()) {
            return Optional.empty();
        }
        try {
            SearchResultEntry groupEntry;
            if (com.unboundid.ldap.sdk.DN.isValidDN(group) && group.contains("=")) {
                groupEntry = pool().getEntry(group.strip(), "member", "uniqueMember");
            } else {
                SearchRequest search = new SearchRequest(config.required(PortalSetting.LDAP_GROUP_BASE_DN), SearchScope.SUB,
                        DirectoryFilters.fromTemplate("(cn={0})", group.strip()), "member", "uniqueMember");
                search.setSizeLimit(2);
                List<SearchResultEntry> groups = pool().search(search).getSearchEntries();
                groupEntry = groups.size() == 1 ? groups.get(0) : null;
            }
            if (groupEntry == null) {
                return Optional.empty();
            }
            List<String> memberDns = new ArrayList<>();
            for (String attribute : List.of("member", "uniqueMember")) {
                String[] values = groupEntry.getAttributeValues(attribute);
                if (values != null) {
                    memberDns.addAll(List.of(values));
                }
            }
            List<DirectoryAccount> members = new ArrayList<>();
            Map<String, Optional<String>> managers = new HashMap<>();
            for (String dn : memberDns) {
                SearchResultEntry member = pool().getEntry(dn, attributes());
                if (member != null && member.hasAttribute(usernameAttribute())) {
                    members.add(toAccount(member, false, managers));
                }
            }
            return Optional.of(members);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT || e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    /** True when the directory answers a search as the service account. */
    public boolean isReachable() {
        try {
            return pool().getRootDSE() != null || pool().getEntry(config.required(PortalSetting.LDAP_USER_BASE_DN)) != null;
        } catch (LDAPException | RuntimeException e) {
            LOG.log(Level.FINE, "directory not reachable", e);
            return false;
        }
    }

    private Optional<SearchResultEntry> findEntry(String username) {
        try {
            SearchRequest search = new SearchRequest(config.required(PortalSetting.LDAP_USER_BASE_DN), SearchScope.SUB,
                    DirectoryFilters.fromTemplate(config.required(PortalSetting.LDAP_USER_FILTER), username),
                    attributes());
            search.setSizeLimit(2);
            search.setTimeLimitSeconds(RESPONSE_TIMEOUT_MILLIS / 1000);
            SearchResult result = pool().search(search);
            List<SearchResultEntry> entries = result.getSearchEntries();
            return entries.size() == 1 ? Optional.of(entries.get(0)) : Optional.empty();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED || e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    private String[] attributes() {
        Set<String> attributes = new LinkedHashSet<>();
        attributes.add(config.required(PortalSetting.LDAP_ATTR_ID));
        attributes.add(usernameAttribute());
        attributes.add(nameAttribute());
        attributes.add(config.valueOr(PortalSetting.LDAP_ATTR_EMAIL, "mail"));
        attributes.add(config.valueOr(PortalSetting.LDAP_ATTR_TITLE, "title"));
        attributes.add(config.valueOr(PortalSetting.LDAP_ATTR_DEPARTMENT, "ou"));
        attributes.add(config.valueOr(PortalSetting.LDAP_ATTR_ORGANISATION, "o"));
        attributes.add(managerAttribute());
        config.value(PortalSetting.LDAP_USER_MEMBER_OF).ifPresent(attributes::add);
        attributes.add("cn");
        return attributes.toArray(String[]::new);
    }

    private DirectoryAccount toAccount(SearchResultEntry entry) {
        return toAccount(entry, true, new HashMap<>());
    }

    /**
     * Groups are read only when asked: a search result or a group's member list needs no roles. {@code managers}
     * remembers the managers' names already read, so a list of people who share a manager reads it once.
     */
    private DirectoryAccount toAccount(SearchResultEntry entry, boolean withGroups, Map<String, Optional<String>> managers) {
        String idAttribute = config.required(PortalSetting.LDAP_ATTR_ID);
        String stableId;
        if (StableIds.isBinaryGuid(idAttribute)) {
            byte[] guid = entry.getAttributeValueBytes(idAttribute);
            stableId = guid == null ? null : StableIds.fromObjectGuid(guid);
        } else {
            stableId = entry.getAttributeValue(idAttribute);
        }
        if (stableId == null || stableId.isBlank()) {
            throw new DirectoryUnavailableException("The directory entry " + entry.getDN() + " has no " + idAttribute
                    + " attribute, which the portal uses as the person's stable id (portal.ldap.attr.id)", null);
        }
        String displayName = Optional.ofNullable(entry.getAttributeValue(nameAttribute()))
                .orElse(entry.getAttributeValue("cn"));
        DirectoryProfile profile = new DirectoryProfile(
                entry.getAttributeValue(usernameAttribute()),
                displayName,
                entry.getAttributeValue(config.valueOr(PortalSetting.LDAP_ATTR_EMAIL, "mail")),
                entry.getAttributeValue(config.valueOr(PortalSetting.LDAP_ATTR_TITLE, "title")),
                entry.getAttributeValue(config.valueOr(PortalSetting.LDAP_ATTR_DEPARTMENT, "ou")),
                entry.getAttributeValue(config.valueOr(PortalSetting.LDAP_ATTR_ORGANISATION, "o")),
                managerName(entry, managers));
        return new DirectoryAccount(stableId, entry.getDN(), profile, withGroups ? groupsOf(entry) : List.of());
    }

    private List<String> groupsOf(SearchResultEntry entry) {
        Optional<String> memberOf = config.value(PortalSetting.LDAP_USER_MEMBER_OF);
        if (memberOf.isPresent()) {
            Attribute attribute = entry.getAttribute(memberOf.get());
            return attribute == null ? List.of() : List.of(attribute.getValues());
        }
        try {
            SearchRequest search = new SearchRequest(config.required(PortalSetting.LDAP_GROUP_BASE_DN), SearchScope.SUB,
                    DirectoryFilters.fromTemplate(config.required(PortalSetting.LDAP_GROUP_FILTER), entry.getDN()),
                    SearchRequest.NO_ATTRIBUTES);
            search.setTimeLimitSeconds(RESPONSE_TIMEOUT_MILLIS / 1000);
            List<String> dns = new ArrayList<>();
            for (SearchResultEntry group : pool().search(search).getSearchEntries()) {
                dns.add(group.getDN());
            }
            return dns;
        } catch (LDAPException e) {
            throw unavailable(e);
        }
    }

    /**
     * The display name of the entry the person's manager attribute names, or null. The value is parsed as a DN
     * (so an escaped comma in "CN=Carter\, Ben,OU=Staff,..." stays part of the name) and read as that entry
     * itself, never pasted into a filter; a manager outside the user base DN, or not in the directory, is
     * treated as none.
     */
    private String managerName(SearchResultEntry entry, Map<String, Optional<String>> managers) {
        String value = entry.getAttributeValue(managerAttribute());
        if (value == null || value.isBlank()) {
            return null;
        }
        DN manager;
        try {
            manager = new DN(value.strip());
            if (manager.isNullDN() || !manager.isDescendantOf(new DN(config.required(PortalSetting.LDAP_USER_BASE_DN)), false)) {
                return null;
            }
        } catch (LDAPException e) {
            LOG.log(Level.FINE, "{0} names a manager that is not a DN: {1}", new Object[] {entry.getDN(), value});
            return null;
        }
        return managers.computeIfAbsent(manager.toNormalizedString(), key -> readName(manager)).orElse(null);
    }

    private Optional<String> readName(DN dn) {
        try {
            SearchResultEntry found = pool().getEntry(dn.toString(), nameAttribute(), "cn");
            if (found == null) {
                return Optional.empty();
            }
            return Optional.ofNullable(Optional.ofNullable(found.getAttributeValue(nameAttribute()))
                    .orElse(found.getAttributeValue("cn")));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return Optional.empty();
            }
            throw unavailable(e);
        }
    }

    private String managerAttribute() {
        return config.valueOr(PortalSetting.LDAP_ATTR_MANAGER, "manager");
    }

    private String usernameAttribute() {
        return config.valueOr(PortalSetting.LDAP_ATTR_USERNAME, "uid");
    }

    private String nameAttribute() {
        return config.valueOr(PortalSetting.LDAP_ATTR_NAME, "displayName");
    }

    private synchronized LDAPConnectionPool pool() {
        if (pool == null || pool.isClosed()) {
            pool = connect();
        }
        return pool;
    }

    private LDAPConnectionPool connect() {
        try {
            LDAPURL url = new LDAPURL(config.required(PortalSetting.LDAP_URL));
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(CONNECT_TIMEOUT_MILLIS);
            options.setResponseTimeoutMillis(RESPONSE_TIMEOUT_MILLIS);
            options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            SSLUtil ssl = new SSLUtil(jvmTrustManagers());
            SocketFactory sockets = null;
            PostConnectProcessor startTls = null;
            if (url.getScheme().equalsIgnoreCase("ldaps")) {
                sockets = ssl.createSSLSocketFactory();
            } else if (config.flag(PortalSetting.LDAP_STARTTLS, false)) {
                startTls = new StartTLSPostConnectProcessor(ssl.createSSLSocketFactory());
            }
            SingleServerSet server = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
            SimpleBindRequest serviceBind = new SimpleBindRequest(config.required(PortalSetting.LDAP_BIND_DN),
                    config.required(PortalSetting.LDAP_BIND_PASSWORD));
            LDAPConnectionPool created = new LDAPConnectionPool(server, serviceBind, 1, 10, startTls);
            created.setConnectionPoolName("portal-directory");
            created.setRetryFailedOperationsDueToInvalidConnections(true);
            created.setMaxConnectionAgeMillis(15 * 60_000L);
            return created;
        } catch (LDAPException | GeneralSecurityException e) {
            throw unavailable(e);
        }
    }

    /**
     * The JVM's standard trust managers: the trust store named by {@code javax.net.ssl.trustStore} if set,
     * otherwise the JDK's cacerts.
     */
    private static TrustManager[] jvmTrustManagers() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return factory.getTrustManagers();
    }

    private static DirectoryUnavailableException unavailable(Exception e) {
        LOG.log(Level.WARNING, "The directory could not be used: {0}", e.getMessage());
        return new DirectoryUnavailableException("The directory could not be reached: " + e.getMessage(), e);
    }

    @PreDestroy
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
