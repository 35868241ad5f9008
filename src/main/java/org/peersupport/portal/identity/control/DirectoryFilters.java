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

    /**
     * A search for people whose given attributes contain {@code text}: {@code (&(objectClass=person)(|(cn=*text*)...))}.
     * The text is escaped like any other value, so {@code *} or {@code )(} in it are matched literally.
     */
    public static Filter containing(java.util.Collection<String> attributes, String text) throws LDAPException {
        StringBuilder template = new StringBuilder("(&(objectClass=person)(|");
        for (String attribute : attributes) {
            if (!attribute.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw new IllegalArgumentException("not an attribute name: " + attribute);
            }
            template.append('(').append(attribute).append("=*{0}*)");
        }
        return fromTemplate(template.append("))").toString(), text);
    }
}
