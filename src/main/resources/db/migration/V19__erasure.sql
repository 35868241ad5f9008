-- Information governance (issue 16): erasing a person. The governance role erases a person: every personal field and
-- every free text about them goes or is anonymised in one transaction, except the facts of their training record
-- (places, statuses, decisions, the certificate's code and dates) and the audit trail, which keep only the person's
-- key: the person row, which maps the key to a name, loses the name. No audit row is updated.
--
-- Usernames that other people's records carry in their "by" columns (who marked, decided, wrote, confirmed) are
-- replaced by the erased person's key text ('erased-<id>'). The append-only guards of V4, V6, V10 and V17 let those
-- columns, and nothing else of a record's facts, change in a transaction that has declared a redaction (V17).

-- PERSONAL DATA: erased_at marks a person erased (no other column of the row then holds personal data).
alter table person add column erased_at timestamptz;
alter table person alter column directory_id drop not null;

-- Submissions: under a redaction, who submitted may be anonymised; nothing else of a submission changes but its
-- status (as before).
create or replace function submission_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a submission cannot be deleted' using errcode = 'insufficient_privilege';
    end if;
    if (new.enrolment_id, new.task_id, new.attempt, new.token, new.declaration, new.submitted_at)
            is distinct from
       (old.enrolment_id, old.task_id, old.attempt, old.token, old.declaration, old.submitted_at)
       or (new.submitted_by is distinct from old.submitted_by and not redaction_on()) then
        raise exception 'a submission is frozen: only its status may change' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

-- Submitted snapshot items: under a redaction, the words, file and witness details may be blanked (the purge, once)
-- and who confirmed a testimony anonymised; the item's place in the submission never changes.
create or replace function submission_item_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on()
       and (old.purged_at is not distinct from new.purged_at or (old.purged_at is null and new.purged_at is not null))
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

-- Decisions: under a redaction, the feedback may be blanked (once, marked purged) and who decided anonymised.
create or replace function assessment_decision_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on()
       and (new.feedback is not distinct from old.feedback
            or (new.feedback is null and old.purged_at is null and new.purged_at is not null))
       and (old.purged_at is not distinct from new.purged_at or new.feedback is null)
       and (new.id, new.submission_id, new.position, new.kind, new.from_status, new.to_status, new.decided_by_id,
            new.decided_at, new.declaration, new.identity_verified, new.corrects_id,
            new.signoff_number, new.sample_reason, new.sampled_to_id)
           is not distinct from
           (old.id, old.submission_id, old.position, old.kind, old.from_status, old.to_status, old.decided_by_id,
            old.decided_at, old.declaration, old.identity_verified, old.corrects_id,
            old.signoff_number, old.sample_reason, old.sampled_to_id) then
        return new;
    end if;
    raise exception '% is append-only: a decision is corrected by a new decision, never by %', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

-- Which requirements were met: under a redaction, who judged may be anonymised.
create function requirement_judgement_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on()
       and (new.id, new.enrolment_id, new.requirement_id, new.submission_id, new.met, new.judged_at)
           is not distinct from (old.id, old.enrolment_id, old.requirement_id, old.submission_id, old.met, old.judged_at) then
        return new;
    end if;
    raise exception '% is a submitted snapshot: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger requirement_judgement_append_only on requirement_judgement;
create trigger requirement_judgement_append_only
    before update or delete on requirement_judgement
    for each row execute function requirement_judgement_guard();

-- Confidential notes: under a redaction, a note may be deleted whole or its author anonymised; its words never change.
create or replace function confidential_note_guard() returns trigger language plpgsql as $$
begin
    if redaction_on() and (tg_op = 'DELETE' or (new.id, new.enrolment_id, new.written_at, new.text)
            is not distinct from (old.id, old.enrolment_id, old.written_at, old.text)) then
        return case when tg_op = 'DELETE' then old else new end;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

-- Status history: under a redaction, the reason may be blanked and who changed it anonymised.
create or replace function enrolment_status_change_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on()
       and (new.reason is null or new.reason is not distinct from old.reason)
       and (new.id, new.enrolment_id, new.from_status, new.to_status, new.changed_at)
           is not distinct from (old.id, old.enrolment_id, old.from_status, old.to_status, old.changed_at) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

-- Certificates: under a redaction, the holder's name may be anonymised; the code, course and dates never change.
create function certificate_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and redaction_on()
       and (new.id, new.enrolment_id, new.course_title, new.completed_on, new.code, new.code_sha256, new.issued_at)
           is not distinct from
           (old.id, old.enrolment_id, old.course_title, old.completed_on, old.code, old.code_sha256, old.issued_at) then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;
drop trigger certificate_append_only on certificate;
create trigger certificate_append_only
    before update or delete on certificate
    for each row execute function certificate_guard();
