package org.peersupport.portal.identity.entity;

/** The profile attributes the portal copies from a person's directory entry. */
public record DirectoryProfile(String username, String displayName, String email, String jobTitle, String department,
        String organisation) {
}
