package org.peersupport.portal.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

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

    /**
     * Sign-ins, sign-outs and failed sign-ins go after two years; every other entry after six, the longest the
     * records it proves anything about are kept. Entries go only through the database function that runs as the
     * schema owner (V17): the portal's own role cannot delete from the trail.
     */
    @Override
    public List<RetentionRule> retention() {
        return List.of(
                new RetentionRule("signIns", Period.ofYears(2), """
                        select a.id as record_id, a.actor_id as person_id, a.subject_person_id as other_person_id,
                               cast(null as bigint) as enrolment_id, a.occurred_at as started_at
                        from audit_entry a
                        where a.action in""" + " " + SIGN_IN_ACTIONS, List.of("""
                        select purge_audit_entries(cast(? as bigint[]))""")),
                new RetentionRule("auditEntries", Period.ofYears(6), """
                        select a.id as record_id, coalesce(a.subject_person_id, a.actor_id) as person_id,
                               a.actor_id as other_person_id, cast(null as bigint) as enrolment_id,
                               a.occurred_at as started_at
                        from audit_entry a
                        where a.action not in""" + " " + SIGN_IN_ACTIONS, List.of("""
                        select purge_audit_entries(cast(? as bigint[]))""")));
    }

    private static final String SIGN_IN_ACTIONS = "('SIGN_IN', 'SIGN_OUT', 'SIGN_IN_FAILED')";
}
