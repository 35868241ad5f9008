package org.peersupport.portal.candidate.boundary;

import java.util.List;
import java.util.Map;

/**
 * A candidate's record as one reader may see it: the directory profile and every enrolment of the person that
 * the reader may read, the one asked for first. {@code coordinator} says whether the reader may change
 * statuses. {@code names} turns the usernames in histories and notes into display names.
 */
public record PersonRecord(long requestedEnrolmentId, String username, String displayName, String email,
        String jobTitle, String department, String organisation, String lineManager, List<EnrolmentRecord> enrolments,
        boolean coordinator, Map<String, String> names) {

    /** The display name of a person named by username, or the text itself (e.g. "system (demo cohort loader)"). */
    public String nameOf(String username) {
        if (username == null) {
            return null;
        }
        return names.getOrDefault(username.toLowerCase(java.util.Locale.ROOT), username);
    }
}
