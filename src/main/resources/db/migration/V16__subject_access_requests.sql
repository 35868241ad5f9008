-- Information governance (issue 16): the register of subject access requests, and for each request the rule the
-- governance role applied to each class of record that names other people (include, redact or withhold, with why).
--
-- PERSONAL DATA: both tables are about the person who asked (person_id) and name the officers who handled the
-- request; governance.control.GovernancePersonalData claims them, and a person's export lists their requests.
-- Retention: kept with the audit trail (docs/data-protection.md).

create sequence subject_access_request_seq start with 50 increment by 50;

create table subject_access_request (
    id              bigint       primary key,
    person_id       bigint       not null references person (id),
    received_on     date         not null,
    due_on          date         not null,
    channel         varchar(16)  not null,
    reference       varchar(500),
    recorded_by_id  bigint       not null references person (id),
    recorded_at     timestamptz  not null,
    completed_at    timestamptz,
    completed_by_id bigint       references person (id),
    version         bigint       not null default 0,
    constraint subject_access_request_channel_check check (channel in ('LETTER', 'EMAIL', 'IN_PERSON', 'OTHER')),
    constraint subject_access_request_due_check check (due_on >= received_on),
    constraint subject_access_request_completed_check check ((completed_at is null) = (completed_by_id is null))
);
create index subject_access_request_person_idx on subject_access_request (person_id);
create index subject_access_request_open_idx on subject_access_request (due_on) where completed_at is null;

create sequence subject_access_disclosure_seq start with 50 increment by 50;

-- A decision is a new row, never an edit: the latest for a request and class is the one that applies.
create table subject_access_disclosure (
    id            bigint       primary key,
    request_id    bigint       not null references subject_access_request (id),
    record_class  varchar(64)  not null,
    decision      varchar(16)  not null,
    reason        text,
    decided_by_id bigint       not null references person (id),
    decided_at    timestamptz  not null,
    constraint subject_access_disclosure_decision_check check (decision in ('INCLUDE', 'REDACT', 'WITHHOLD')),
    constraint subject_access_disclosure_reason_check check (decision = 'INCLUDE'
        or (reason is not null and btrim(reason) <> ''))
);
create index subject_access_disclosure_request_idx on subject_access_disclosure (request_id, record_class, decided_at);
