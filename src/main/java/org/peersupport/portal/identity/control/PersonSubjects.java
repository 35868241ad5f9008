package org.peersupport.portal.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.peersupport.portal.audit.control.SubjectOwners;

/** An audited person record is about that person. */
@ApplicationScoped
public class PersonSubjects implements SubjectOwners {

    @Override
    public Optional<Long> ownerOf(String subjectType, String subjectId) {
        return "Person".equals(subjectType) ? SubjectOwners.number(subjectId) : Optional.empty();
    }
}
