package org.peersupport.portal.governance.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * What the governance feature holds about a person: the subject access requests they made, and how each went; the
 * legal holds on their records, with why.
 */
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
                        order by r.received_on, r.id"""),
                PersonalRecordClass.review("retentionHolds", List.of("retention_hold"), """
                        select h.enrolment_id as enrolment_key, h.reason, h.placed_at, h.released_at
                        from retention_hold h left join enrolment e on e.id = h.enrolment_id
                        where h.person_id = :person or e.person_id = :person
                        order by h.placed_at, h.id""", List.of("reason")));
    }

    @Override
    public Map<String, String> otherTables() {
        return Map.of("retention_purge", "what each run of the retention job removed: a class of record, a count "
                + "and the rule, about no one in particular");
    }

    /** A request's reference may name the person; a released hold's reason is about them. */
    @Override
    public List<String> erasure() {
        return List.of("""
                update subject_access_request set reference = null, version = version + 1
                where person_id = :person and reference is not null""", """
                delete from retention_hold h
                where h.released_at is not null
                  and (h.person_id = :person
                       or h.enrolment_id in (select e.id from enrolment e where e.person_id = :person))""");
    }
}
