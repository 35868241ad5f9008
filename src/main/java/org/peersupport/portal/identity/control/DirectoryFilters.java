package org.peersupport.portal.identity.control;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;

/**
 * Builds LDAP search filters from configured templates with {@code {0}} placeholders. The value is always
 * escaped (RFC 4515) by the LDAP SDK, so a username such as {@code *)(uid=*} cannot change the filter.
 */
public final class DirectoryFilters {

    private DirectoryFilters() {
    }

    public static Filter fromTemplate(String template, String value) throws LDAPException {
        return Filter.create(template.replace("{0}", Filter.encodeValue(value)));
    }
}
