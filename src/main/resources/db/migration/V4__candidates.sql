-- Candidate records (issue 4): cohorts of a published course version with a dated schedule, enrolments with an
-- append-only status history, place requests, agreement acceptances, attendance, supervisor allocations with
-- history, conflicts of interest, caseload caps and confidential notes.

create sequence cohort_seq start with 50 increment by 50;

create table cohort (
    id                   bigint        primary key,
    course_id            bigint        not null references course (id),
    name                 varchar(255)  not null,
    start_date           date          not null,
    end_date             date          not null,
    venue                varchar(255),
    online_link          varchar(2048),
    facilitators         varchar(1000),
    capacity             integer       not null,
    attendance_threshold integer       not null default 80,
    created_at           timestamptz   not null,
    version              bigint        not null default 0,
    constraint cohort_dates_check check (end_date >= start_date),
    constraint cohort_capacity_check check (capacity >= 1),
    constraint cohort_threshold_check check (attendance_threshold between 0 and 100),
    constraint cohort_venue_or_link check (venue is not null or online_link is not null)
);
create index cohort_course_idx on cohort (course_id);
create index cohort_start_date_idx on cohort (start_date);

create sequence cohort_session_seq start with 50 increment by 50;

create table cohort_session (
    id                bigint       primary key,
    cohort_id         bigint       not null references cohort (id) on delete cascade,
    course_session_id bigint       not null references course_session (id),
    number            integer      not null,
    slug              varchar(100) not null,
    starts_at         timestamp    not null,
    opened_early      boolean      not null default false,
    opened_early_at   timestamptz,
    version           bigint       not null default 0,
    constraint cohort_session_number_unique unique (cohort_id, number),
    constraint cohort_session_course_session_unique unique (cohort_id, course_session_id)
);
create index cohort_session_cohort_idx on cohort_session (cohort_id);
create index cohort_session_course_session_idx on cohort_session (course_session_id);
create index cohort_session_slug_idx on cohort_session (slug, starts_at);

create sequence enrolment_seq start with 50 increment by 50;

create table enrolment (
    id                   bigint       primary key,
    person_id            bigint       not null references person (id),
    cohort_id            bigint       not null references cohort (id),
    status               varchar(16)  not null,
    enrolled_at          timestamptz  not null,
    status_changed_at    timestamptz  not null,
    expected_end_date    date         not null,
    paused_on            date,
    paused_days_total    integer      not null default 0,
    withdrawn_reason     text,
    deferred_to_cohort_id bigint      references cohort (id),
    completed_at         timestamptz,
    version              bigint       not null default 0,
    constraint enrolment_status_check check (status in ('ENROLLED', 'ACTIVE', 'PAUSED', 'WITHDRAWN', 'DEFERRED', 'COMPLETED')),
    constraint enrolment_paused_days_check check (paused_days_total >= 0),
    constraint enrolment_person_cohort_unique unique (person_id, cohort_id)
);
create index enrolment_person_idx on enrolment (person_id);
create index enrolment_cohort_idx on enrolment (cohort_id, status);
create index enrolment_status_idx on enrolment (status);
create index enrolment_deferred_to_idx on enrolment (deferred_to_cohort_id);

create sequence enrolment_status_change_seq start with 50 increment by 50;

create table enrolment_status_change (
    id           bigint       primary key,
    enrolment_id bigint       not null references enrolment (id),
    from_status  varchar(16),
    to_status    varchar(16)  not null,
    reason       text,
    actor        varchar(255) not null,
    changed_at   timestamptz  not null
);
create index enrolment_status_change_enrolment_idx on enrolment_status_change (enrolment_id, changed_at);

create sequence place_request_seq start with 50 increment by 50;

create table place_request (
    id              bigint       primary key,
    person_id       bigint       not null references person (id),
    cohort_id       bigint       not null references cohort (id),
    message         text,
    status          varchar(16)  not null,
    requested_at    timestamptz  not null,
    decided_by      varchar(255),
    decided_at      timestamptz,
    decision_reason text,
    version         bigint       not null default 0,
    constraint place_request_status_check check (status in ('PENDING', 'APPROVED', 'DECLINED'))
);
create index place_request_person_idx on place_request (person_id);
create index place_request_cohort_idx on place_request (cohort_id, status);
create unique index place_request_one_pending_idx on place_request (person_id, cohort_id) where status = 'PENDING';

create sequence agreement_acceptance_seq start with 50 increment by 50;

create table agreement_acceptance (
    id             bigint       primary key,
    enrolment_id   bigint       not null references enrolment (id),
    course_id      bigint       not null references course (id),
    agreement_sha256 varchar(64) not null,
    accepted_at    timestamptz  not null,
    constraint agreement_acceptance_enrolment_unique unique (enrolment_id)
);
create index agreement_acceptance_course_idx on agreement_acceptance (course_id);

create sequence attendance_mark_seq start with 50 increment by 50;

create table attendance_mark (
    id                bigint       primary key,
    cohort_session_id bigint       not null references cohort_session (id) on delete cascade,
    enrolment_id      bigint       not null references enrolment (id),
    mark              varchar(16)  not null,
    marked_by         varchar(255) not null,
    marked_at         timestamptz  not null,
    version           bigint       not null default 0,
    constraint attendance_mark_check check (mark in ('PRESENT', 'ABSENT', 'APOLOGIES', 'LATE')),
    constraint attendance_mark_unique unique (cohort_session_id, enrolment_id)
);
create index attendance_mark_enrolment_idx on attendance_mark (enrolment_id);

create sequence supervisor_allocation_seq start with 50 increment by 50;

create table supervisor_allocation (
    id            bigint       primary key,
    enrolment_id  bigint       not null references enrolment (id),
    supervisor_id bigint       not null references person (id),
    allocated_at  timestamptz  not null,
    allocated_by  varchar(255) not null,
    reason        text,
    ended_at      timestamptz
);
create index supervisor_allocation_enrolment_idx on supervisor_allocation (enrolment_id);
create index supervisor_allocation_supervisor_idx on supervisor_allocation (supervisor_id, ended_at);
-- One current allocation per enrolment.
create unique index supervisor_allocation_current_idx on supervisor_allocation (enrolment_id) where ended_at is null;

create sequence conflict_of_interest_seq start with 50 increment by 50;

create table conflict_of_interest (
    id            bigint       primary key,
    supervisor_id bigint       not null references person (id),
    other_id      bigint       not null references person (id),
    declared_at   timestamptz  not null,
    note          text,
    constraint conflict_of_interest_unique unique (supervisor_id, other_id)
);
create index conflict_of_interest_other_idx on conflict_of_interest (other_id);

create sequence supervisor_profile_seq start with 50 increment by 50;

create table supervisor_profile (
    id           bigint  primary key,
    person_id    bigint  not null references person (id),
    caseload_cap integer not null,
    version      bigint  not null default 0,
    constraint supervisor_profile_person_unique unique (person_id),
    constraint supervisor_profile_cap_check check (caseload_cap >= 0)
);

create sequence confidential_note_seq start with 50 increment by 50;

create table confidential_note (
    id           bigint       primary key,
    enrolment_id bigint       not null references enrolment (id),
    author       varchar(255) not null,
    written_at   timestamptz  not null,
    text         text         not null
);
create index confidential_note_enrolment_idx on confidential_note (enrolment_id, written_at);

-- Status history, agreement acceptances and confidential notes are append-only, like the audit trail (V1).
create function candidate_record_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger enrolment_status_change_append_only
    before update or delete on enrolment_status_change
    for each row execute function candidate_record_append_only();
create trigger agreement_acceptance_append_only
    before update or delete on agreement_acceptance
    for each row execute function candidate_record_append_only();
create trigger confidential_note_append_only
    before update or delete on confidential_note
    for each row execute function candidate_record_append_only();
