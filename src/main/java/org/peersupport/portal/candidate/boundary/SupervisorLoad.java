package org.peersupport.portal.candidate.boundary;

/** A supervisor with their current caseload and cap. */
public record SupervisorLoad(String username, String displayName, long caseload, int cap) {
}
