package org.peersupport.portal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

/**
 * What the audit trail holds about a person: what they did, and who read or changed their records (the readers'
 * names come from the key each entry carries, V15).
 */
@ApplicationScoped
public class AuditPersonalData implements PersonalData {

    @Override
    public String feature() {
        return "audit";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("auditActions", List.of("audit_entry"), """
                        select occurred_at, action, subject_type, subject_id, remote_address
                        from audit_entry where actor_id = :person
                        order by occurred_at, id"""),
                PersonalRecordClass.self("auditAboutYou", List.of("audit_entry"), """
                        select a.occurred_at, coalesce(p.display_name, a.actor) as actor_name, a.action,
                               a.subject_type, a.subject_id
                        from audit_entry a left join person p on p.id = a.actor_id
                        where a.subject_person_id = :person and a.actor_id is distinct from :person
                        order by a.occurred_at, a.id"""));
    }
}
