package org.peersupport.portal.assessment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

/**
 * What the assessment feature holds about a person: the decisions on their work and the feedback, the decisions
 * they made as a supervisor or verifier, sampling plans and picks, safeguarding concerns (which name the person who
 * raised them, so they wait for the governance role's review) and certificates.
 */
@ApplicationScoped
public class AssessmentPersonalData implements PersonalData {

    @Override
    public String feature() {
        return "assessment";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("decisions", List.of("assessment_decision"), """
                        select d.submission_id as submission_key, d.kind, d.from_status, d.to_status,
                               dp.display_name as decided_by_name, d.decided_at, d.feedback
                        from assessment_decision d join person dp on dp.id = d.decided_by_id
                        join submission s on s.id = d.submission_id join enrolment e on e.id = s.enrolment_id
                        where e.person_id = :person
                        order by d.decided_at, d.id"""),
                PersonalRecordClass.self("decisionsMade", List.of("assessment_decision"), """
                        select d.submission_id as submission_key, d.kind, d.decided_at, d.declaration,
                               d.identity_verified
                        from assessment_decision d
                        where d.decided_by_id = :person
                        order by d.decided_at, d.id"""),
                PersonalRecordClass.self("judgements", List.of("assessment_judgement"), """
                        select d.submission_id as submission_key, r.code as requirement_code, j.met, j.feedback
                        from assessment_judgement j join assessment_decision d on d.id = j.decision_id
                        join evidence_requirement r on r.id = j.requirement_id
                        join submission s on s.id = d.submission_id join enrolment e on e.id = s.enrolment_id
                        where e.person_id = :person
                        order by d.decided_at, j.id"""),
                PersonalRecordClass.self("samplingPlans", List.of("sampling_plan"), """
                        select case when sp.assessor_id = :person then 'assessor' else 'verifier' end as your_part,
                               sp.first_n, sp.rate_percent, sp.updated_at
                        from sampling_plan sp
                        where sp.assessor_id = :person or sp.verifier_id = :person
                        order by sp.updated_at, sp.id"""),
                PersonalRecordClass.self("samplingPicks", List.of("sampling_pick"), """
                        select sp.enrolment_id as enrolment_key,
                               case when sp.verifier_id = :person then 'verifier' else 'candidate' end as your_part,
                               sp.picked_at
                        from sampling_pick sp join enrolment e on e.id = sp.enrolment_id
                        where e.person_id = :person or sp.verifier_id = :person
                        order by sp.picked_at, sp.id"""),
                PersonalRecordClass.review("safeguardingConcerns", List.of("safeguarding_concern"), """
                        select sc.enrolment_id as enrolment_key, sc.raised_at, rp.display_name as raised_by_name,
                               sc.concern, sc.closed_at, sc.outcome
                        from safeguarding_concern sc join enrolment e on e.id = sc.enrolment_id
                        join person rp on rp.id = sc.raised_by_id
                        where e.person_id = :person or sc.raised_by_id = :person or sc.closed_by_id = :person
                        order by sc.raised_at, sc.id""", List.of("raised_by_name", "concern", "outcome")),
                PersonalRecordClass.self("certificates", List.of("certificate"), """
                        select c.holder_name, c.course_title, c.completed_on, c.code, c.issued_at
                        from certificate c join enrolment e on e.id = c.enrolment_id
                        where e.person_id = :person
                        order by c.issued_at, c.id"""));
    }

    /**
     * The words of feedback go six years after the enrolment ended; the decisions stay (what was decided, by whom,
     * when, which requirements were met), since the certificate and HR's record rest on them. A closed safeguarding
     * concern goes whole six years after the enrolment ended; an open one is never purged.
     */
    @Override
    public List<RetentionRule> retention() {
        return List.of(
                new RetentionRule("feedback", Period.ofYears(6), """
                        select d.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from assessment_decision d join submission s on s.id = d.submission_id
                        join enrolment e on e.id = s.enrolment_id
                        where d.purged_at is null and""" + " " + RetentionRule.ENDED, List.of("""
                        update assessment_judgement set feedback = null
                        where decision_id = any(cast(? as bigint[])) and feedback is not null""", """
                        update assessment_decision set feedback = null, purged_at = current_timestamp
                        where id = any(cast(? as bigint[]))""")),
                new RetentionRule("safeguardingConcerns", Period.ofYears(6), """
                        select c.id as record_id, e.person_id, c.raised_by_id as other_person_id,
                               e.id as enrolment_id, greatest(e.status_changed_at, c.closed_at) as started_at
                        from safeguarding_concern c join enrolment e on e.id = c.enrolment_id
                        where c.closed_at is not null and""" + " " + RetentionRule.ENDED, List.of("""
                        delete from safeguarding_concern where id = any(cast(? as bigint[]))""")));
    }

    /**
     * The feedback on their work goes (the decisions stay as facts, like the retention purge leaves them), as do the
     * closed concerns about them, their sampling plans and picks; the certificate keeps its code and dates without
     * their name; decisions they made on other people's work say an erased person decided.
     */
    @Override
    public List<String> erasure() {
        return List.of("""
                update assessment_judgement set feedback = null
                where feedback is not null and decision_id in (
                    select d.id from assessment_decision d join submission s on s.id = d.submission_id
                    join enrolment e on e.id = s.enrolment_id where e.person_id = :person)""", """
                update assessment_decision d set feedback = null, purged_at = current_timestamp
                from submission s, enrolment e
                where s.id = d.submission_id and e.id = s.enrolment_id and e.person_id = :person
                  and d.purged_at is null""", """
                update assessment_decision set decided_by = :erased where lower(decided_by) = lower(:username)""", """
                delete from safeguarding_concern
                where closed_at is not null
                  and enrolment_id in (select e.id from enrolment e where e.person_id = :person)""", """
                delete from sampling_pick
                where verifier_id = :person or enrolment_id in (select e.id from enrolment e where e.person_id = :person)""",
                """
                delete from sampling_plan where assessor_id = :person or verifier_id = :person""", """
                update sampling_plan set updated_by = :erased, version = version + 1
                where lower(updated_by) = lower(:username)""", """
                update certificate c set holder_name = :erasedName
                from enrolment e where e.id = c.enrolment_id and e.person_id = :person""");
    }
}
