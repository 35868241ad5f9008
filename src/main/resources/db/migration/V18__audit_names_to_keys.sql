-- Information governance (issue 16): the audit trail holds person keys only, never names, usernames, emails or free
-- text about people, so that erasing a person needs no update of an audit row: erasure removes what maps the key to
-- a name (the person row), and every entry stays as it was written.
--
-- actor              who acted, as text, only when no person is known: the system ("system (daily reminder)"), or
--                    the username tried at a failed sign-in that belongs to nobody. Null whenever actor_id is set
--                    (V15); the portal no longer writes a known person's username here (audit.control.AuditTrail).
-- subject_id         a record's number; where the record is a person's (a sampling plan), their person id.
-- detail             names people as "person <id>"; a reason, a decline, a file's name or anything else a person
--                    typed is not copied here: it stays in its own record (enrolment_status_change.reason,
--                    place_request, supervisor_allocation.reason, evidence_item), which retention and erasure reach.
--
-- PERSONAL DATA: after this migration audit_entry holds person keys (actor_id, subject_person_id, "person <id>" in
-- detail and subject_id), client addresses, and the text of failed sign-ins by unknown usernames; the audit feature's
-- provider (audit.control.AuditPersonalData) claims it.
--
-- The rows written before this migration are rewritten once, here, with the append-only trigger off for the length of
-- this one migration (it runs as the schema owner, in one transaction: a failure leaves nothing changed).
alter table audit_entry disable trigger audit_entry_no_update_or_delete;

-- The person a username named when the entry was written: among those holding it then (created by then, not yet
-- released), the newest; else the newest person ever to hold it. Dropped at the end of this migration.
create function v18_person_named(name text, at timestamptz) returns bigint language sql stable as $$
    select coalesce(
        (select p.id from person p
         where lower(p.username) = lower(name) and p.created_at <= at
           and (p.username_released_at is null or p.username_released_at > at)
         order by p.created_at desc, p.id desc limit 1),
        (select p.id from person p where lower(p.username) = lower(name) order by p.created_at desc, p.id desc limit 1))
$$;

-- 1. The actor: a known person's username goes, their key (V15) stays.
update audit_entry set actor = null where actor_id is not null;

-- An actor V15 could not key though a person holds or held the name: above all a failed sign-in (or lock) with a
-- username tried before its person first signed in. The system's names belong to nobody and stay.
update audit_entry a set actor_id = v18_person_named(a.actor, a.occurred_at), actor = null
where a.actor_id is null and a.actor is not null and v18_person_named(a.actor, a.occurred_at) is not null;

-- 2. Sampling plans were recorded under the assessor's username: now their person id, and they are its subject.
update audit_entry a set subject_id = cast(v18_person_named(a.subject_id, a.occurred_at) as varchar),
                         subject_person_id = v18_person_named(a.subject_id, a.occurred_at)
where a.action in ('SAMPLING_PLAN_SAVED', 'SAMPLING_PLAN_REMOVED') and a.subject_id <> 'default'
  and v18_person_named(a.subject_id, a.occurred_at) is not null;

-- 3. Free text about people goes from the details (it stays in its own record).
-- A coordinator's reason for a status change ("active to withdrawn: <reason>"); the portal's own words stay.
update audit_entry
set detail = regexp_replace(detail,
        '^(enrolled|active|paused|withdrawn|deferred|completed) to (enrolled|active|paused|withdrawn|deferred|completed): .*$',
        '\1 to \2')
where action like 'ENROLMENT\_%' and detail <> 'enrolled to active: accepted the agreement'
  and detail ~ '^(enrolled|active|paused|withdrawn|deferred|completed) to (enrolled|active|paused|withdrawn|deferred|completed): ';

-- A deferral's reason ("to <cohort> (enrolment 12): <reason>").
update audit_entry set detail = regexp_replace(detail, '^(to .*? \(enrolment [0-9]+\)): .*$', '\1')
where action = 'ENROLMENT_DEFERRED' and detail ~ '^to .* \(enrolment [0-9]+\): ';

-- A new enrolment ("<username> on <cohort>: <reason>" or the demo's "..., supervised by <username>"): rebuilt from the
-- enrolment itself, the person by key.
update audit_entry a set detail = 'person ' || e.person_id || ' on ' || c.name
from enrolment e join cohort c on c.id = e.cohort_id
where a.action = 'ENROLMENT_CREATED' and a.subject_type = 'Enrolment' and a.subject_id = cast(e.id as varchar);

-- A declined place request's reason, in full.
update audit_entry set detail = 'declined with a reason' where action = 'PLACE_REQUEST_DECLINED';

-- A supervisor allocation's reason ("<username>[ instead of <username>]: <reason>").
update audit_entry set detail = regexp_replace(detail, '^([^ :]+( instead of [^ :]+)?): .*$', '\1, with a reason')
where action in ('SUPERVISOR_ALLOCATED', 'SUPERVISOR_REALLOCATED') and detail ~ '^[^ :]+( instead of [^ :]+)?: ';

-- The name a candidate gave an evidence file ("file <name> (<type>, <n> bytes, sha256 <hash>)...").
update audit_entry
set detail = regexp_replace(detail, '^file .* (\([^()]*, [0-9]+ bytes, sha256 [0-9a-f]+\))', 'file \1')
where action = 'EVIDENCE_CREATED' and detail ~ '^file .* \([^()]*, [0-9]+ bytes, sha256 [0-9a-f]+\)';
update audit_entry
set detail = regexp_replace(detail, '^now .* (\([^()]*, [0-9]+ bytes, sha256 [0-9a-f]+\))', 'now a file \1')
where action = 'EVIDENCE_FILE_REPLACED' and detail ~ '^now .* \([^()]*, [0-9]+ bytes, sha256 [0-9a-f]+\)';

-- A released username, in the words the portal writes now.
update audit_entry set detail = 'their username now belongs to another directory entry; this person keeps their records'
where action = 'USERNAME_RELEASED';

-- 4. Usernames left in the details of the actions that wrote them become "person <id>": each username of the person
-- table, regex-escaped, as a whole name (not inside a longer one), case-insensitively.
do $usernames$
declare
    held    record;
    pattern text;
begin
    for held in select distinct lower(username) as name from person loop
        pattern := '(?<![[:alnum:]_.@-])' || regexp_replace(held.name, '([^[:alnum:]])', '\\\1', 'g')
                   || '(?![[:alnum:]_.@-])';
        update audit_entry a
        set detail = regexp_replace(a.detail, pattern,
                coalesce('person ' || v18_person_named(held.name, a.occurred_at), 'a person'), 'gi')
        where a.action in ('SAMPLING_PLAN_SAVED', 'SAMPLING_PLAN_REMOVED', 'SAMPLING_PICK_ADDED', 'SAMPLING_PICK_REMOVED',
                           'SUBMISSION_SIGNED_OFF', 'SUBMISSION_VERIFIED', 'SUBMISSION_RETURNED', 'TESTIMONY_REQUESTED',
                           'SUPERVISOR_CAP_SET', 'SUPERVISOR_ALLOCATED', 'SUPERVISOR_REALLOCATED', 'CONFLICT_DECLARED',
                           'ENROLMENT_CREATED', 'NOTICE_SENT')
          and strpos(lower(a.detail), held.name) > 0
          and a.detail ~* pattern;
    end loop;
end
$usernames$;

drop function v18_person_named(text, timestamptz);

alter table audit_entry enable trigger audit_entry_no_update_or_delete;

-- Nobody is found by the actor's text any more (only the system and unknown usernames are left there): the search by
-- actor goes through actor_id (V15's index).
drop index audit_entry_actor_idx;
