package org.peersupport.portal.candidate.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;

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
}
