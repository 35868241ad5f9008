/**
 * Identity owns who people are and what they may do: sign-in against the organisation's directory (LDAP),
 * the mapping of directory groups to portal roles, and the {@code Person} record refreshed from the
 * directory at every sign-in.
 */
package org.peersupport.portal.identity;
