-- Information governance (issue 16): the audit trail names people by key, not only by username.
--
-- actor_id           the person who acted (person.id), when the portal knows them; null for a failed sign-in with an
--                    unknown username and for the system.
-- subject_person_id  the person whose data the action touched (the candidate whose evidence was read, the person
--                    whose record was changed), when there is one.
--
-- Both are plain keys with no foreign key: the trail outlives any row it mentions. With them, a person's page finds
-- who read their evidence, the governance role searches by person as actor or subject, and erasing a person can
-- remove what maps the key to a name (the person row) without touching an audit row.
--
-- PERSONAL DATA: these columns hold person keys only; the audit feature's provider (audit.control.AuditPersonalData)
-- claims audit_entry and exports the entries by and about a person.
alter table audit_entry
    add column actor_id bigint,
    add column subject_person_id bigint;

create index audit_entry_actor_id_idx on audit_entry (actor_id, occurred_at) where actor_id is not null;
create index audit_entry_subject_person_idx on audit_entry (subject_person_id, occurred_at)
    where subject_person_id is not null;

-- The rows written before this migration get their keys once, here, with the append-only triggers off for the
-- length of this one migration (it runs as the schema owner, in one transaction: a failure leaves nothing changed).
alter table audit_entry disable trigger audit_entry_no_update_or_delete;

-- The actor: the person who held that username when the entry was written (the one whose username was not yet
-- released then, or released after it).
update audit_entry a set actor_id = (
    select p.id from person p
    where lower(p.username) = lower(a.actor)
      and (p.username_released_at is null or p.username_released_at > a.occurred_at)
    order by p.created_at desc, p.id desc
    limit 1)
where a.actor is not null;

-- The subject person of reads and changes of a candidate's work, of their enrolment and of their person record.
update audit_entry a set subject_person_id = e.person_id
from evidence_item i join enrolment e on e.id = i.enrolment_id
where a.subject_type = 'EvidenceItem' and a.subject_id = cast(i.id as varchar);

update audit_entry a set subject_person_id = e.person_id
from submission s join enrolment e on e.id = s.enrolment_id
where a.subject_type = 'Submission' and a.subject_id = cast(s.id as varchar);

update audit_entry a set subject_person_id = e.person_id
from submission_item si join submission s on s.id = si.submission_id join enrolment e on e.id = s.enrolment_id
where a.subject_type = 'SubmittedItem' and a.subject_id = cast(si.id as varchar);

update audit_entry a set subject_person_id = e.person_id
from enrolment e
where a.subject_type = 'Enrolment' and a.subject_id = cast(e.id as varchar);

update audit_entry a set subject_person_id = p.id
from person p
where a.subject_type = 'Person' and a.subject_id = cast(p.id as varchar);

alter table audit_entry enable trigger audit_entry_no_update_or_delete;
