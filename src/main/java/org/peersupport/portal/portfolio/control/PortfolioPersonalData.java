package org.peersupport.portal.portfolio.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Period;
import java.util.List;
import org.peersupport.portal.platform.control.PersonalData;
import org.peersupport.portal.platform.control.PersonalRecordClass;
import org.peersupport.portal.platform.control.RetentionRule;

/**
 * What the portfolio feature holds about a person: the evidence they write (special-category health data when it is
 * about their recovery) and its files, the snapshots they submit, which requirements were judged met, testimonies
 * they gave as a witness, and the submissions sampled to them as a verifier.
 */
@ApplicationScoped
public class PortfolioPersonalData implements PersonalData {

    @Override
    public String feature() {
        return "portfolio";
    }

    @Override
    public List<PersonalRecordClass> recordClasses() {
        return List.of(
                PersonalRecordClass.self("evidence", List.of("evidence_item", "evidence_item_requirement",
                        "stored_file", "stored_file_chunk"), """
                        select ei.id as item_key, ei.enrolment_id as enrolment_key, ei.kind, ei.title, ei.body_html,
                               ei.word_count, ei.reflection_date, ei.stored_file_id as file_id, ei.file_name,
                               ei.witness_name, ei.witness_role, ei.witness_relationship, ei.witness_statement,
                               ei.witness_status, ei.created_at, ei.updated_at
                        from evidence_item ei join enrolment e on e.id = ei.enrolment_id
                        where e.person_id = :person
                        order by ei.created_at, ei.id"""),
                PersonalRecordClass.self("testimoniesGiven", List.of("evidence_item"), """
                        select ei.title, ei.witness_statement, ei.witness_status, ei.witness_decided_at
                        from evidence_item ei
                        where ei.witness_person_id = :person
                        order by ei.witness_decided_at, ei.id"""),
                PersonalRecordClass.self("submissions", List.of("submission"), """
                        select s.id as submission_key, s.enrolment_id as enrolment_key, t.code as task_code, s.attempt,
                               s.status, s.declaration, s.submitted_at, s.status_changed_at
                        from submission s join assessment_task t on t.id = s.task_id
                        join enrolment e on e.id = s.enrolment_id
                        where e.person_id = :person
                        order by s.submitted_at, s.id"""),
                PersonalRecordClass.self("submittedItems", List.of("submission_item", "submission_item_requirement"),
                        """
                        select si.submission_id as submission_key, si.position, si.kind, si.title, si.body_html,
                               si.word_count, si.reflection_date, si.stored_file_id as file_id, si.file_name,
                               si.witness_name, si.witness_role, si.witness_relationship, si.witness_statement,
                               si.witness_status
                        from submission_item si join submission s on s.id = si.submission_id
                        join enrolment e on e.id = s.enrolment_id
                        where e.person_id = :person
                        order by s.submitted_at, si.submission_id, si.position"""),
                PersonalRecordClass.self("requirementsMet", List.of("requirement_judgement"), """
                        select rj.enrolment_id as enrolment_key, r.code as requirement_code, rj.met, rj.judged_at
                        from requirement_judgement rj join evidence_requirement r on r.id = rj.requirement_id
                        join enrolment e on e.id = rj.enrolment_id
                        where e.person_id = :person
                        order by rj.judged_at, rj.id"""),
                PersonalRecordClass.self("verificationSamples", List.of("verification_sample"), """
                        select vs.submission_id as submission_key,
                               case when vs.verifier_id = :person then 'verifier' else 'candidate' end as your_part,
                               vs.sampled_at
                        from verification_sample vs join submission s on s.id = vs.submission_id
                        join enrolment e on e.id = s.enrolment_id
                        where vs.verifier_id = :person or e.person_id = :person
                        order by vs.sampled_at, vs.id"""));
    }

    /**
     * Evidence goes whole (its text, files and testimony) six years after the enrolment ended; a submitted snapshot
     * keeps its place in the assessment record (which item, which requirements, when) but loses its words and files.
     * A file goes when nothing else refers to it any more.
     */
    @Override
    public List<RetentionRule> retention() {
        return List.of(
                new RetentionRule("evidence", Period.ofYears(6), """
                        select ei.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from evidence_item ei join enrolment e on e.id = ei.enrolment_id
                        where""" + " " + RetentionRule.ENDED, List.of("""
                        with gone as (delete from evidence_item where id = any(cast(? as bigint[]))
                                      returning stored_file_id),
                        files as (select distinct g.stored_file_id as id from gone g
                                  where g.stored_file_id is not null
                                    and not exists (select 1 from submission_item si
                                                    where si.stored_file_id = g.stored_file_id)
                                    and not exists (select 1 from exercise_file x
                                                    where x.stored_file_id = g.stored_file_id))
                        delete from stored_file f using files where f.id = files.id""")),
                new RetentionRule("submissions", Period.ofYears(6), """
                        select si.id as record_id, e.person_id, cast(null as bigint) as other_person_id,
                               e.id as enrolment_id, e.status_changed_at as started_at
                        from submission_item si join submission s on s.id = si.submission_id
                        join enrolment e on e.id = s.enrolment_id
                        where si.purged_at is null and""" + " " + RetentionRule.ENDED, List.of("""
                        with items as (select id, stored_file_id from submission_item
                                       where id = any(cast(? as bigint[]))),
                        blanked as (update submission_item si set title = '', body_html = null, word_count = 0,
                                           reflection_date = null, stored_file_id = null, file_name = null,
                                           media_type = null, size_bytes = null, sha256 = null, witness_name = null,
                                           witness_role = null, witness_relationship = null,
                                           witness_statement = null, witness_confirmed_by = null,
                                           purged_at = current_timestamp
                                    from items where si.id = items.id
                                    returning items.stored_file_id),
                        files as (select distinct b.stored_file_id as id from blanked b
                                  where b.stored_file_id is not null
                                    and not exists (select 1 from evidence_item ei
                                                    where ei.stored_file_id = b.stored_file_id)
                                    and not exists (select 1 from exercise_file x
                                                    where x.stored_file_id = b.stored_file_id)
                                    and not exists (select 1 from submission_item o
                                                    where o.stored_file_id = b.stored_file_id
                                                      and o.id not in (select id from items)))
                        delete from stored_file f using files where f.id = files.id""")));
    }

    /**
     * Their evidence goes whole, with its files; their submitted items lose their words and files (the submissions
     * stay as facts of the assessment); where they were someone else's witness, or acted on someone else's work,
     * the record names an erased person instead.
     */
    @Override
    public List<String> erasure() {
        return List.of("""
                with gone as (delete from evidence_item ei using enrolment e
                              where e.id = ei.enrolment_id and e.person_id = :person
                              returning ei.stored_file_id),
                files as (select distinct g.stored_file_id as id from gone g
                          where g.stored_file_id is not null
                            and not exists (select 1 from submission_item si
                                            where si.stored_file_id = g.stored_file_id)
                            and not exists (select 1 from exercise_file x where x.stored_file_id = g.stored_file_id))
                delete from stored_file f using files where f.id = files.id""", """
                with items as (select si.id, si.stored_file_id from submission_item si
                               join submission s on s.id = si.submission_id join enrolment e on e.id = s.enrolment_id
                               where e.person_id = :person),
                blanked as (update submission_item si set title = '', body_html = null, word_count = 0,
                                   reflection_date = null, stored_file_id = null, file_name = null, media_type = null,
                                   size_bytes = null, sha256 = null, witness_name = null, witness_role = null,
                                   witness_relationship = null, witness_statement = null,
                                   witness_confirmed_by = null, purged_at = coalesce(si.purged_at, current_timestamp)
                            from items where si.id = items.id
                            returning items.stored_file_id),
                files as (select distinct b.stored_file_id as id from blanked b
                          where b.stored_file_id is not null
                            and not exists (select 1 from evidence_item ei where ei.stored_file_id = b.stored_file_id)
                            and not exists (select 1 from exercise_file x where x.stored_file_id = b.stored_file_id)
                            and not exists (select 1 from submission_item o where o.stored_file_id = b.stored_file_id
                                              and o.id not in (select id from items)))
                delete from stored_file f using files where f.id = files.id""", """
                update evidence_item set witness_name = :erasedName, version = version + 1
                where witness_person_id = :person or witness_name = :name""", """
                update evidence_item set created_by = :erased where lower(created_by) = lower(:username)""", """
                update evidence_item set witness_recorded_by = :erased
                where lower(witness_recorded_by) = lower(:username)""", """
                update submission_item set witness_name = :erasedName where witness_name = :name""", """
                update submission_item set witness_confirmed_by = :erased
                where lower(witness_confirmed_by) = lower(:username)""", """
                update submission set submitted_by = :erased where lower(submitted_by) = lower(:username)""", """
                update requirement_judgement set judged_by = :erased where lower(judged_by) = lower(:username)""", """
                update verification_sample set sampled_by = :erased where lower(sampled_by) = lower(:username)""");
    }
}
