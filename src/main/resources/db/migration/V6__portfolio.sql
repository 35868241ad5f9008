-- The portfolio of evidence (issue 5, first half): a candidate's evidence items on an enrolment (written pieces,
-- files, reflective log entries, witness testimonies) mapped to the evidence requirements of the enrolment's course
-- version; submissions per assessment task as immutable, numbered snapshots; and two small tables the assessment
-- feature fills later (judgements that a requirement is met, and which verifier a submission is sampled to).

create sequence evidence_item_seq start with 50 increment by 50;

create table evidence_item (
    id                     bigint        primary key,
    enrolment_id           bigint        not null references enrolment (id),
    kind                   varchar(16)   not null,
    title                  varchar(255)  not null,
    -- written pieces and reflections: HTML sanitised by the lesson policy before it is stored
    body_html              text,
    word_count             integer       not null default 0,
    reflection_date        date,
    -- files: the bytes are an immutable stored file; replacing the file points at a new one
    stored_file_id         bigint        references stored_file (id),
    file_name              varchar(255),
    -- witness testimonies
    witness_name           varchar(255),
    witness_role           varchar(255),
    witness_relationship   varchar(255),
    witness_statement      text,
    witness_person_id      bigint        references person (id),
    witness_status         varchar(16),
    witness_recorded_by    varchar(255),
    witness_decided_at     timestamptz,
    witness_decline_reason text,
    assessor_only          boolean       not null default false,
    created_by             varchar(255)  not null,
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null,
    draft_saved_at         timestamptz,
    version                bigint        not null default 0,
    constraint evidence_item_kind_check check (kind in ('WRITTEN', 'FILE', 'REFLECTION', 'WITNESS')),
    constraint evidence_item_word_count_check check (word_count >= 0),
    constraint evidence_item_file_check check (kind <> 'FILE' or (stored_file_id is not null and file_name is not null)),
    constraint evidence_item_reflection_check check (kind <> 'REFLECTION' or reflection_date is not null),
    constraint evidence_item_witness_check check (kind <> 'WITNESS'
        or (witness_name is not null and witness_statement is not null and witness_status is not null)),
    constraint evidence_item_witness_status_check check (witness_status is null
        or witness_status in ('RECORDED', 'AWAITING', 'CONFIRMED', 'DECLINED'))
);
create index evidence_item_enrolment_idx on evidence_item (enrolment_id, updated_at);
create index evidence_item_stored_file_idx on evidence_item (stored_file_id);
create index evidence_item_witness_idx on evidence_item (witness_person_id, witness_status);

create table evidence_item_requirement (
    evidence_item_id bigint not null references evidence_item (id) on delete cascade,
    requirement_id   bigint not null references evidence_requirement (id),
    primary key (evidence_item_id, requirement_id)
);
create index evidence_item_requirement_requirement_idx on evidence_item_requirement (requirement_id);

create sequence submission_seq start with 50 increment by 50;

-- Status: SUBMITTED now. The assessment feature adds the review states REFERRED_BACK (back to the candidate, who
-- may then submit a new attempt), SIGNED_OFF, VERIFIED and RETURNED (to the assessor); the check already allows them.
create table submission (
    id                bigint        primary key,
    enrolment_id      bigint        not null references enrolment (id),
    task_id           bigint        not null references assessment_task (id),
    attempt           integer       not null,
    status            varchar(16)   not null,
    token             varchar(64)   not null,
    declaration       text          not null,
    submitted_by      varchar(255)  not null,
    submitted_at      timestamptz   not null,
    status_changed_at timestamptz   not null,
    version           bigint        not null default 0,
    constraint submission_attempt_check check (attempt >= 1),
    constraint submission_status_check check (status in ('SUBMITTED', 'REFERRED_BACK', 'SIGNED_OFF', 'VERIFIED', 'RETURNED')),
    constraint submission_attempt_unique unique (enrolment_id, task_id, attempt),
    constraint submission_token_unique unique (token)
);
-- One open submission per task and enrolment: a new attempt only once the last one is referred back. With the
-- token, this makes a double click, two tabs or two racing requests create exactly one submission.
create unique index submission_one_open_idx on submission (enrolment_id, task_id) where status <> 'REFERRED_BACK';
create index submission_task_idx on submission (task_id);

create sequence submission_item_seq start with 50 increment by 50;

-- A copy of an evidence item as it was submitted: later edits of the draft never reach it.
create table submission_item (
    id                   bigint        primary key,
    submission_id        bigint        not null references submission (id),
    position             integer       not null,
    source_item_id       bigint        not null,
    kind                 varchar(16)   not null,
    title                varchar(255)  not null,
    body_html            text,
    word_count           integer       not null default 0,
    reflection_date      date,
    stored_file_id       bigint        references stored_file (id),
    file_name            varchar(255),
    media_type           varchar(255),
    size_bytes           bigint,
    sha256               varchar(64),
    witness_name         varchar(255),
    witness_role         varchar(255),
    witness_relationship varchar(255),
    witness_statement    text,
    witness_status       varchar(16),
    witness_confirmed_by varchar(255),
    witness_decided_at   timestamptz,
    assessor_only        boolean       not null,
    item_updated_at      timestamptz   not null,
    constraint submission_item_position_unique unique (submission_id, position),
    constraint submission_item_kind_check check (kind in ('WRITTEN', 'FILE', 'REFLECTION', 'WITNESS'))
);
create index submission_item_stored_file_idx on submission_item (stored_file_id);
create index submission_item_source_idx on submission_item (source_item_id);

create table submission_item_requirement (
    submission_item_id bigint not null references submission_item (id),
    requirement_id     bigint not null references evidence_requirement (id),
    primary key (submission_item_id, requirement_id)
);
create index submission_item_requirement_requirement_idx on submission_item_requirement (requirement_id);

-- Filled by the assessment feature: each judgement is a new row, the latest per requirement counts.
create sequence requirement_judgement_seq start with 50 increment by 50;

create table requirement_judgement (
    id             bigint        primary key,
    enrolment_id   bigint        not null references enrolment (id),
    requirement_id bigint        not null references evidence_requirement (id),
    submission_id  bigint        references submission (id),
    met            boolean       not null,
    judged_by      varchar(255)  not null,
    judged_at      timestamptz   not null
);
create index requirement_judgement_enrolment_idx on requirement_judgement (enrolment_id, requirement_id, judged_at);

-- Filled by the assessment feature when it samples a submission to an internal verifier, who may then read it.
create sequence verification_sample_seq start with 50 increment by 50;

create table verification_sample (
    id            bigint        primary key,
    submission_id bigint        not null references submission (id),
    verifier_id   bigint        not null references person (id),
    sampled_by    varchar(255)  not null,
    sampled_at    timestamptz   not null,
    constraint verification_sample_unique unique (submission_id, verifier_id)
);
create index verification_sample_verifier_idx on verification_sample (verifier_id);

-- Snapshots are append-only, like the audit trail (V1) and the candidate history (V4).
create function portfolio_snapshot_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is a submitted snapshot: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger submission_item_append_only
    before update or delete on submission_item
    for each row execute function portfolio_snapshot_append_only();
create trigger submission_item_requirement_append_only
    before update or delete on submission_item_requirement
    for each row execute function portfolio_snapshot_append_only();
create trigger requirement_judgement_append_only
    before update or delete on requirement_judgement
    for each row execute function portfolio_snapshot_append_only();

-- A submission is never deleted, and only its review status (and the row version) may change.
create function submission_frozen() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a submission cannot be deleted' using errcode = 'insufficient_privilege';
    end if;
    if (new.enrolment_id, new.task_id, new.attempt, new.token, new.declaration, new.submitted_by, new.submitted_at)
            is distinct from
       (old.enrolment_id, old.task_id, old.attempt, old.token, old.declaration, old.submitted_by, old.submitted_at) then
        raise exception 'a submission is frozen: only its status may change' using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger submission_frozen
    before update or delete on submission
    for each row execute function submission_frozen();

-- Stored files are immutable once written (a replaced file is a new stored file), so a submission that refers to
-- one always refers to the same bytes. The chunk store writes a file's size and hash once, right after its chunks;
-- nothing changes them afterwards, and no chunk is ever rewritten. A file a submission refers to cannot be deleted
-- (foreign key from submission_item).
create function stored_file_immutable() returns trigger language plpgsql as $$
begin
    if new.media_type is distinct from old.media_type or new.created_at is distinct from old.created_at
            or (old.sha256 <> '' and (new.size_bytes, new.sha256) is distinct from (old.size_bytes, old.sha256)) then
        raise exception 'stored file % is immutable', old.id using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger stored_file_immutable
    before update on stored_file
    for each row execute function stored_file_immutable();

create function stored_file_chunk_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'the chunks of stored file % are immutable', old.file_id using errcode = 'insufficient_privilege';
end;
$$;

create trigger stored_file_chunk_immutable
    before update on stored_file_chunk
    for each row execute function stored_file_chunk_immutable();
