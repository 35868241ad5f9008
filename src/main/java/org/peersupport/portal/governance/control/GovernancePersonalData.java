package org.peersupport.portal.governance.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/** What the governance feature holds about a person: the subject access requests they made, and how each went. */
@ApplicationScoped
public class GovernancePersonalData implements PersonalData {

    @Override
    public String feature() {
        return "governance";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(PersonalRecordClass.self("subjectAccessRequests",
                List.of("subject_access_request", "subject_access_disclosure"), """
                        select r.received_on, r.due_on, r.channel, r.reference, r.completed_at
                        from subject_access_request r
                        where r.person_id = :person
                        order by r.received_on, r.id"""));
    }
}
