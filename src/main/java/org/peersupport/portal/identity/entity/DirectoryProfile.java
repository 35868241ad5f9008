package org.peersupport.portal.identity.entity;

/**
 * The profile attributes the portal copies from a person's directory entry. {@code lineManager} is the display
 * name of the entry the person's {@code manager} attribute names, when the directory has one.
 */
public record DirectoryProfile(String username, String displayName, String email, String jobTitle, String department,
        String organisation, String lineManager) {
}
