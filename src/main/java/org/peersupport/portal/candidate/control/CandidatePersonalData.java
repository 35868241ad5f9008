package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

/**
 * What the candidate feature holds about a person: their places and how each went (status history, agreement,
 * attendance), their requests for places, their supervision (as candidate or supervisor), declared conflicts and the
 * supervisors' confidential notes. Notes and conflicts name other people, so they wait for the governance role's
 * review before a subject access export includes them.
 */
@ApplicationScoped
public class CandidatePersonalData implements PersonalData {

    @Override
    public String feature() {
        return "candidate";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("enrolments", List.of("enrolment"), """
                        select e.id as enrolment_key, c.name as cohort, e.status, e.enrolled_at, e.expected_end_date,
                               e.paused_on, e.paused_days_total, e.withdrawn_reason, e.completed_at
                        from enrolment e join cohort c on c.id = e.cohort_id
                        where e.person_id = :person
                        order by e.enrolled_at, e.id"""),
                PersonalRecordClass.self("statusHistory", List.of("enrolment_status_change"), """
                        select sc.enrolment_id as enrolment_key, sc.from_status, sc.to_status, sc.reason, sc.changed_at
                        from enrolment_status_change sc join enrolment e on e.id = sc.enrolment_id
                        where e.person_id = :person
                        order by sc.changed_at, sc.id"""),
                PersonalRecordClass.self("placeRequests", List.of("place_request"), """
                        select c.name as cohort, pr.message, pr.status, pr.requested_at, pr.decided_at,
                               pr.decision_reason
                        from place_request pr join cohort c on c.id = pr.cohort_id
                        where pr.person_id = :person
                        order by pr.requested_at, pr.id"""),
                PersonalRecordClass.self("agreements", List.of("agreement_acceptance"), """
                        select aa.enrolment_id as enrolment_key, co.code as course_code, aa.agreement_sha256,
                               aa.accepted_at
                        from agreement_acceptance aa join enrolment e on e.id = aa.enrolment_id
                        join course co on co.id = aa.course_id
                        where e.person_id = :person
                        order by aa.accepted_at, aa.id"""),
                PersonalRecordClass.self("attendance", List.of("attendance_mark"), """
                        select am.enrolment_id as enrolment_key, cs.number as session_number, cs.starts_at, am.mark,
                               am.marked_at
                        from attendance_mark am join cohort_session cs on cs.id = am.cohort_session_id
                        join enrolment e on e.id = am.enrolment_id
                        where e.person_id = :person
                        order by cs.starts_at, am.id"""),
                PersonalRecordClass.self("supervision", List.of("supervisor_allocation"), """
                        select sa.enrolment_id as enrolment_key,
                               case when e.person_id = :person then 'candidate' else 'supervisor' end as your_part,
                               sp.display_name as supervisor_name, sa.allocated_at, sa.ended_at
                        from supervisor_allocation sa join enrolment e on e.id = sa.enrolment_id
                        join person sp on sp.id = sa.supervisor_id
                        where e.person_id = :person or sa.supervisor_id = :person
                        order by sa.allocated_at, sa.id"""),
                PersonalRecordClass.self("supervisorProfile", List.of("supervisor_profile"), """
                        select caseload_cap from supervisor_profile where person_id = :person"""),
                PersonalRecordClass.review("conflicts", List.of("conflict_of_interest"), """
                        select case when ci.supervisor_id = :person then 'declared by you' else 'about you' end
                                   as your_part,
                               ci.declared_at, ci.note
                        from conflict_of_interest ci
                        where ci.supervisor_id = :person or ci.other_id = :person
                        order by ci.declared_at, ci.id""", List.of("note")),
                PersonalRecordClass.review("confidentialNotes", List.of("confidential_note"), """
                        select cn.enrolment_id as enrolment_key, cn.written_at, coalesce(p.display_name, cn.author)
                                   as author_name,
                               cn.text
                        from confidential_note cn join enrolment e on e.id = cn.enrolment_id
                        left join person p on lower(p.username) = lower(cn.author) and p.username_released_at is null
                        where e.person_id = :person
                           or lower(cn.author) = (select lower(username) from person where id = :person)
                        order by cn.written_at, cn.id""", List.of("author_name", "text")));
    }

    @Override
    public Map<String, String> otherTables() {
        return Map.of(
                "cohort", "a cohort's dates, venue and capacity; its facilitators line names staff in their working role",
                "cohort_session", "when each session of a cohort runs");
    }

    /**
     * Six years after an enrolment ended, its confidential notes and attendance marks go, and the free-text reasons
     * given for its changes of status lose their words (the changes stay: the training record shows when a place
     * started, paused and ended). A decided request for a place goes six years after the decision.
     */
    @Override
    public List<RetentionRule> retention() {
        return List.of(
                new RetentionRule("confidentialNotes", Period.ofYears(6), """
                        select n.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from confidential_note n join enrolment e on e.id = n.enrolment_id
                        where""" + " " + RetentionRule.ENDED, List.of("""
                        delete from confidential_note where id = any(cast(? as bigint[]))""")),
                new RetentionRule("attendance", Period.ofYears(6), """
                        select m.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from attendance_mark m join enrolment e on e.id = m.enrolment_id
                        where""" + " " + RetentionRule.ENDED, List.of("""
                        delete from attendance_mark where id = any(cast(? as bigint[]))""")),
                new RetentionRule("statusReasons", Period.ofYears(6), """
                        select e.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from enrolment e
                        where (e.withdrawn_reason is not null or exists (select 1 from enrolment_status_change c
                                                                         where c.enrolment_id = e.id
                                                                           and c.reason is not null))
                          and""" + " " + RetentionRule.ENDED, List.of("""
                        update enrolment_status_change set reason = null
                        where enrolment_id = any(cast(? as bigint[])) and reason is not null""", """
                        update enrolment set withdrawn_reason = null, version = version + 1
                        where id = any(cast(? as bigint[])) and withdrawn_reason is not null""")),
                new RetentionRule("placeRequests", Period.ofYears(6), """
                        select r.id as record_id, r.person_id, cast(null as bigint) as other_person_id,
                               cast(null as bigint) as enrolment_id, r.decided_at as started_at
                        from place_request r
                        where r.decided_at is not null""", List.of("""
                        delete from place_request where id = any(cast(? as bigint[]))""")));
    }

    /**
     * Their places stay as facts (status, dates, attendance, the agreement accepted) without the words about them:
     * reasons, notes, allocation reasons, requests; their conflicts and supervisor profile go; where they acted on
     * someone else's record, it names an erased person.
     */
    @Override
    public List<String> erasure() {
        return List.of("""
                update enrolment set withdrawn_reason = null, version = version + 1
                where person_id = :person and withdrawn_reason is not null""", """
                update enrolment_status_change set reason = null
                where reason is not null and enrolment_id in (select e.id from enrolment e where e.person_id = :person)""",
                """
                update enrolment_status_change set actor = :erased where lower(actor) = lower(:username)""", """
                delete from place_request where person_id = :person""", """
                update place_request set decided_by = :erased, version = version + 1
                where lower(decided_by) = lower(:username)""", """
                update attendance_mark set marked_by = :erased, version = version + 1
                where lower(marked_by) = lower(:username)""", """
                update supervisor_allocation set reason = null
                where reason is not null and enrolment_id in (select e.id from enrolment e where e.person_id = :person)""",
                """
                update supervisor_allocation set allocated_by = :erased where lower(allocated_by) = lower(:username)""",
                """
                delete from conflict_of_interest where supervisor_id = :person or other_id = :person""", """
                delete from supervisor_profile where person_id = :person""", """
                delete from confidential_note
                where enrolment_id in (select e.id from enrolment e where e.person_id = :person)""", """
                update confidential_note set author = :erased where lower(author) = lower(:username)""", """
                update cohort set facilitators = replace(facilitators, :name, :erasedName), version = version + 1
                where position(:name in facilitators) > 0""");
    }
}
