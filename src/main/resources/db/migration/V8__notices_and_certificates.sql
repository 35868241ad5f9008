-- Notifications and certificates (issue 5, parts 5 and 6): in-app notices (also sent by email), one claim per
-- scheduled job and day so that a job runs once however many nodes run, and the certificates issued when an
-- enrolment completes, with their public verification codes.

create sequence notice_seq start with 50 increment by 50;

-- A notice never holds evidence content: it may be sent by email. kind is a Java enum (NoticeKind), not checked
-- here, so that a feature adding a kind needs no migration.
create table notice (
    id           bigint        primary key,
    recipient_id bigint        not null references person (id),
    kind         varchar(32)   not null,
    title        varchar(200)  not null,
    text         varchar(1000) not null,
    link         varchar(500),
    once_key     varchar(200),
    created_at   timestamptz   not null,
    read_at      timestamptz,
    version      bigint        not null default 0,
    -- a link is a path inside the portal, never another site
    constraint notice_link_check check (link is null or (link like '/%' and link not like '//%'))
);
create index notice_recipient_idx on notice (recipient_id, created_at desc, id desc);
create index notice_unread_idx on notice (recipient_id) where read_at is null;
-- A notice with a once-key (e.g. the overdue reminder of one enrolment on one day) exists at most once per person.
create unique index notice_once_idx on notice (recipient_id, once_key) where once_key is not null;

-- A scheduled job claims its day by inserting this row first; a node that finds the row taken skips the run.
create table job_run (
    job         varchar(64)  not null,
    run_date    date         not null,
    node        varchar(255) not null,
    started_at  timestamptz  not null,
    finished_at timestamptz,
    outcome     varchar(255),
    primary key (job, run_date)
);

create sequence certificate_seq start with 50 increment by 50;

-- Issued once per completed enrolment. Name, course title and completion date are kept as printed, so the
-- verification page confirms exactly what the certificate says. The code is looked up by its SHA-256, so the
-- time a lookup takes says nothing about how close a guessed code is.
create table certificate (
    id           bigint       primary key,
    enrolment_id bigint       not null references enrolment (id),
    holder_name  varchar(255) not null,
    course_title varchar(255) not null,
    completed_on date         not null,
    code         varchar(16)  not null,
    code_sha256  varchar(64)  not null,
    issued_at    timestamptz  not null,
    constraint certificate_enrolment_unique unique (enrolment_id),
    constraint certificate_code_unique unique (code),
    constraint certificate_code_sha256_unique unique (code_sha256)
);

-- A certificate is never edited or deleted (the function comes from V4).
create trigger certificate_append_only
    before update or delete on certificate
    for each row execute function candidate_record_append_only();
