package org.peersupport.portal.audit.control;

import java.util.Optional;

/**
 * Whose data an audited record is: the candidate whose evidence was read, the person whose enrolment changed. Each
 * feature answers for the record types it owns, so the audit trail can key every entry to its subject person without
 * depending on the features after it. A type no feature answers for has no subject person.
 */
public interface SubjectOwners {

    /** The person the record of this type and id is about; empty when this feature does not own the type. */
    Optional<Long> ownerOf(String subjectType, String subjectId);

    /** The id as a number, or empty for anything else. */
    static Optional<Long> number(String subjectId) {
        if (subjectId == null || subjectId.isEmpty() || subjectId.length() > 18 || !subjectId.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(subjectId));
    }
}
