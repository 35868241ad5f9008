package org.peersupport.portal.candidate.boundary;

/** A person found in the directory. */
public record StaffMember(String username, String displayName, String email, String jobTitle, String department) {
}
