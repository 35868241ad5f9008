/**
 * Identity owns who people are and what they may do: sign-in against the organisation's directory (LDAP),
 * the mapping of directory groups to portal roles, the {@code Person} record refreshed from the
 * directory at every sign-in, the page shell of the signed-in person ({@code ShellBean}) and the health checks
 * (readiness needs the database and the directory).
 */
package org.peersupport.portal.identity;
