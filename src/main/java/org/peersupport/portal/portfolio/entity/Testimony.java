package org.peersupport.portal.portfolio.entity;

/**
 * What a witness says about the candidate's practice: who they are, their role, how they know the candidate, and
 * their statement (plain text, shown escaped).
 */
public record Testimony(String name, String role, String relationship, String statement) {
}
