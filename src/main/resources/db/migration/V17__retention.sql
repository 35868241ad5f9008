-- Information governance (issue 16): retention. A daily job, once per cluster, removes what the retention schedule
-- says is due: the narrative and files of evidence, the text of submitted snapshots, feedback, confidential notes,
-- closed safeguarding concerns, attendance marks, status reasons, decided place requests, notices, old sign-in
-- records and old audit entries. What HR and the certificate need stays: who completed what, when, and who signed it
-- off (enrolments, decisions, judgements met or not, certificates).
--
-- The append-only guards of V4, V6, V10 and V1 stay, with one narrow opening: in a transaction that has declared a
-- redaction (set_config('portal.redaction', 'on', true), transaction-local), the retention job may blank the free
-- text of a record or delete a record the schedule lets go, and nothing else. The facts of a record (its keys,
-- statuses, kinds, times, who decided) never change, with or without the switch. The run-time role still has no
-- update or delete on audit_entry: old entries go only through purge_audit_entries(), which runs as the schema owner.

create function redaction_on() returns boolean language sql stable as $$
    select coalesce(current_setting('portal.redaction', true), '') = 'on'
$$;

-- A hold stops the retention job for a person (everything about them) or one enrolment, until it is released.
-- PERSONAL DATA: the reason names why a person's records are held (a claim, an investigation); claimed by the
-- governance feature's provider (governance.control.GovernancePersonalData, class "retentionHolds"), exported in a
-- subject access export after review, kept 6 years after release with the audit entries about it.
create sequence retention_hold_seq start with 50 increment by 50;

create table retention_hold (
    id             bigint       primary key,
    person_id      bigint       references person (id),
    enrolment_id   bigint       references enrolment (id),
    reason         text         not null,
    placed_by_id   bigint       not null references person (id),
    placed_at      timestamptz  not null,
    released_by_id bigint       references person (id),
    released_at    timestamptz,
    version        bigint       not null default 0,
    constraint retention_hold_target_check check ((person_id is null) <> (enrolment_id is null)),
    constraint retention_hold_reason_check check (btrim(reason) <> ''),
    constraint retention_hold_released_check check ((released_at is null) = (released_by_id is null))
);
create index retention_hold_person_idx on retention_hold (person_id) where released_at is null;
create index retention_hold_enrolment_idx on retention_hold (enrolment_id) where released_at is null;

-- What each run of the job removed: one row per record class with anything due. Counts only, no personal data.
create sequence retention_purge_seq start with 50 increment by 50;

create table retention_purge (
    id           bigint       primary key,
    run_date     date         not null,
    record_class varchar(64)  not null,
    rule         varchar(255) not null,
    records      integer      not null,
    purged_at    timestamptz  not null,
    constraint retention_purge_records_check check (records > 0)
);
create index retention_purge_date_idx on retention_purge (run_date desc, record_class);

-- Marks a snapshot item and a decision whose words the schedule removed, so the pages can say so.
alter table submission_item add column purged_at timestamptz;
alter table assessment_decision add column purged_at timestamptz;

alter table assessment_decision drop constraint assessment_decision_feedback_check;
alter table assessment_decision add constraint assessment_decision_feedback_check check (
    kind not in ('REFER_BACK', 'RETURN', 'CORRECTION') or purged_at is not null
    or (feedback is not null and btrim(feedback) <> ''));

-- Submitted snapshot items: under a redaction, the text, file and witness details may be blanked, once.
create function submission_item_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on() and old.purged_at is null and new.purged_at is not null
       and (new.id, new.submission_id, new.position, new.source_item_id, new.kind, new.assessor_only,
            new.item_updated_at, new.witness_status, new.witness_decided_at)
           is not distinct from
           (old.id, old.submission_id, old.position, old.source_item_id, old.kind, old.assessor_only,
            old.item_updated_at, old.witness_status, old.witness_decided_at) then
        return new;
    end if;
    raise exception '% is a submitted snapshot: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger submission_item_append_only on submission_item;
create trigger submission_item_append_only
    before update or delete on submission_item
    for each row execute function submission_item_guard();

-- Decisions: under a redaction, the feedback may be blanked, once; the decision itself never changes.
create function assessment_decision_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on() and old.purged_at is null and new.purged_at is not null
       and new.feedback is null
       and (new.id, new.submission_id, new.position, new.kind, new.from_status, new.to_status, new.decided_by_id,
            new.decided_by, new.decided_at, new.declaration, new.identity_verified, new.corrects_id,
            new.signoff_number, new.sample_reason, new.sampled_to_id)
           is not distinct from
           (old.id, old.submission_id, old.position, old.kind, old.from_status, old.to_status, old.decided_by_id,
            old.decided_by, old.decided_at, old.declaration, old.identity_verified, old.corrects_id,
            old.signoff_number, old.sample_reason, old.sampled_to_id) then
        return new;
    end if;
    raise exception '% is append-only: a decision is corrected by a new decision, never by %', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger assessment_decision_append_only on assessment_decision;
create trigger assessment_decision_append_only
    before update or delete on assessment_decision
    for each row execute function assessment_decision_guard();

create function assessment_judgement_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on() and new.feedback is null
       and (new.id, new.decision_id, new.requirement_id, new.met)
           is not distinct from (old.id, old.decision_id, old.requirement_id, old.met) then
        return new;
    end if;
    raise exception '% is append-only: a decision is corrected by a new decision, never by %', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger assessment_judgement_append_only on assessment_judgement;
create trigger assessment_judgement_append_only
    before update or delete on assessment_judgement
    for each row execute function assessment_judgement_guard();

-- Confidential notes: under a redaction, a note may be deleted whole; never changed.
create function confidential_note_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and redaction_on() then
        return old;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger confidential_note_append_only on confidential_note;
create trigger confidential_note_append_only
    before update or delete on confidential_note
    for each row execute function confidential_note_guard();

-- Status history: under a redaction, the reason may be blanked; the change itself stays.
create function enrolment_status_change_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on() and new.reason is null
       and (new.id, new.enrolment_id, new.from_status, new.to_status, new.actor, new.changed_at)
           is not distinct from (old.id, old.enrolment_id, old.from_status, old.to_status, old.actor, old.changed_at) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger enrolment_status_change_append_only on enrolment_status_change;
create trigger enrolment_status_change_append_only
    before update or delete on enrolment_status_change
    for each row execute function enrolment_status_change_guard();

-- Safeguarding concerns: under a redaction, a closed concern may be deleted whole; the rest of V10's guard stands.
create or replace function safeguarding_concern_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if redaction_on() and old.closed_at is not null then
            return old;
        end if;
        raise exception 'a safeguarding concern cannot be deleted' using errcode = 'insufficient_privilege';
    end if;
    if (new.enrolment_id, new.submission_id, new.raised_by_id, new.raised_at, new.concern)
            is distinct from (old.enrolment_id, old.submission_id, old.raised_by_id, old.raised_at, old.concern)
       or old.closed_at is not null then
        raise exception 'a safeguarding concern is never changed: it is only closed, once, with an outcome'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

-- The audit trail: the run-time role has no delete on it (afterMigrate.sql). Entries the schedule lets go are
-- deleted by this function alone, which runs as the schema owner and only under a declared redaction.
create or replace function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and redaction_on() then
        return old;
    end if;
    raise exception 'the audit trail is append-only: % is not allowed on audit_entry', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create function purge_audit_entries(ids bigint[]) returns integer
    language plpgsql security definer set search_path from current as $$
declare
    removed integer;
begin
    if not redaction_on() then
        raise exception 'audit entries are removed only by the retention job' using errcode = 'insufficient_privilege';
    end if;
    delete from audit_entry where id = any(ids);
    get diagnostics removed = row_count;
    return removed;
end;
$$;
