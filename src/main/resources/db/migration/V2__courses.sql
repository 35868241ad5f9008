-- Courses and their versions, with sessions, units, glossary, resources and assessment tasks; exercise files
-- stored in the database in 256 KiB chunks (every node of a cluster reads the same files, streamed both ways);
-- and candidates' progress, keyed by course code and session slug so it carries over between versions.

create sequence course_seq start with 50 increment by 50;

create table course (
    id                 bigint        primary key,
    code               varchar(40)   not null,
    version_number     integer       not null,
    version_label      varchar(64)   not null,
    title              varchar(255)  not null,
    summary            text          not null,
    award_name         varchar(255),
    award_scqf_level   integer,
    award_credits      integer,
    completion_mode    varchar(16)   not null,
    agreement_markdown text,
    agreement_html     text,
    agreement_draft    boolean       not null default false,
    status             varchar(16)   not null,
    created_at         timestamptz   not null,
    published_at       timestamptz,
    archived_at        timestamptz,
    version            bigint        not null default 0,
    constraint course_code_version_unique unique (code, version_number),
    constraint course_status_check check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    constraint course_completion_mode_check check (completion_mode in ('MANUAL', 'ON_VIEW'))
);
-- At most one published version of a course at a time.
create unique index course_one_published_idx on course (code) where status = 'PUBLISHED';
create index course_status_idx on course (status);

create sequence course_unit_seq start with 50 increment by 50;

create table course_unit (
    id        bigint       primary key,
    course_id bigint       not null references course (id) on delete cascade,
    position  integer      not null,
    code      varchar(64)  not null,
    title     varchar(255) not null,
    constraint course_unit_code_unique unique (course_id, code)
);
create index course_unit_course_idx on course_unit (course_id);

create sequence learning_outcome_seq start with 50 increment by 50;

create table learning_outcome (
    id       bigint      primary key,
    unit_id  bigint      not null references course_unit (id) on delete cascade,
    position integer     not null,
    code     varchar(64) not null,
    text     text        not null,
    draft    boolean     not null default false
);
create index learning_outcome_unit_idx on learning_outcome (unit_id);

create sequence evidence_requirement_seq start with 50 increment by 50;

create table evidence_requirement (
    id         bigint      primary key,
    outcome_id bigint      not null references learning_outcome (id) on delete cascade,
    position   integer     not null,
    code       varchar(64) not null,
    text       text        not null,
    draft      boolean     not null default false
);
create index evidence_requirement_outcome_idx on evidence_requirement (outcome_id);

create sequence course_session_seq start with 50 increment by 50;

create table course_session (
    id             bigint       primary key,
    course_id      bigint       not null references course (id) on delete cascade,
    number         integer      not null,
    slug           varchar(100) not null,
    title          varchar(255) not null,
    aims           text         not null,
    about_markdown text,
    about_html     text         not null,
    warning_topics text,
    warning_note   text,
    version        bigint       not null default 0,
    -- deferred, so that sessions can swap numbers inside one transaction
    constraint course_session_number_unique unique (course_id, number) deferrable initially deferred,
    constraint course_session_slug_unique unique (course_id, slug),
    constraint course_session_number_check check (number >= 1)
);
create index course_session_course_idx on course_session (course_id);

create sequence signpost_contact_seq start with 50 increment by 50;

create table signpost_contact (
    id          bigint       primary key,
    session_id  bigint       not null references course_session (id) on delete cascade,
    position    integer      not null,
    name        varchar(255) not null,
    phone       varchar(64),
    text_number varchar(64),
    url         varchar(2048),
    description text
);
create index signpost_contact_session_idx on signpost_contact (session_id);

create sequence stored_file_seq start with 50 increment by 50;

create table stored_file (
    id         bigint       primary key,
    media_type varchar(255) not null,
    size_bytes bigint       not null,
    sha256     varchar(64)  not null,
    created_at timestamptz  not null
);

create table stored_file_chunk (
    file_id     bigint  not null references stored_file (id) on delete cascade,
    chunk_index integer not null,
    data        bytea   not null,
    primary key (file_id, chunk_index)
);

create sequence exercise_file_seq start with 50 increment by 50;

create table exercise_file (
    id             bigint        primary key,
    session_id     bigint        not null references course_session (id) on delete cascade,
    position       integer       not null,
    title          varchar(255)  not null,
    description    text,
    path           varchar(255)  not null,
    stored_file_id bigint        not null references stored_file (id)
);
create index exercise_file_session_idx on exercise_file (session_id);
create index exercise_file_stored_file_idx on exercise_file (stored_file_id);

create sequence glossary_term_seq start with 50 increment by 50;

create table glossary_term (
    id                  bigint       primary key,
    course_id           bigint       not null references course (id) on delete cascade,
    position            integer      not null,
    term                varchar(255) not null,
    anchor              varchar(255) not null,
    definition_markdown text,
    definition_html     text         not null,
    restored            boolean      not null default false,
    note                text,
    version             bigint       not null default 0
);
create index glossary_term_course_idx on glossary_term (course_id);
create unique index glossary_term_unique_idx on glossary_term (course_id, lower(term));

create sequence useful_resource_seq start with 50 increment by 50;

create table useful_resource (
    id          bigint        primary key,
    course_id   bigint        not null references course (id) on delete cascade,
    position    integer       not null,
    title       varchar(255)  not null,
    url         varchar(2048),
    description text,
    version     bigint        not null default 0,
    constraint useful_resource_url_or_description check (url is not null or description is not null)
);
create index useful_resource_course_idx on useful_resource (course_id);

create sequence assessment_task_seq start with 50 increment by 50;

create table assessment_task (
    id                   bigint       primary key,
    course_id            bigint       not null references course (id) on delete cascade,
    position             integer      not null,
    code                 varchar(64)  not null,
    title                varchar(255) not null,
    kind                 varchar(16)  not null,
    set_at_session_id    bigint       references course_session (id) on delete set null,
    due_at_session_id    bigint       references course_session (id) on delete set null,
    description          text         not null,
    constraint assessment_task_code_unique unique (course_id, code),
    constraint assessment_task_kind_check check (kind in ('ESSAY', 'PORTFOLIO'))
);
create index assessment_task_course_idx on assessment_task (course_id);
create index assessment_task_set_at_idx on assessment_task (set_at_session_id);
create index assessment_task_due_at_idx on assessment_task (due_at_session_id);

create table assessment_task_outcome (
    task_id    bigint  not null references assessment_task (id) on delete cascade,
    outcome_id bigint  not null references learning_outcome (id) on delete cascade,
    position   integer not null,
    primary key (task_id, outcome_id)
);
create index assessment_task_outcome_outcome_idx on assessment_task_outcome (outcome_id);

create sequence lesson_progress_seq start with 50 increment by 50;

-- Keyed by course code and session slug, not by a version's rows: progress carries over to any version
-- that keeps the session.
create table lesson_progress (
    id           bigint       primary key,
    person_id    bigint       not null references person (id),
    course_code  varchar(40)  not null,
    session_slug varchar(100) not null,
    completed_at timestamptz  not null,
    constraint lesson_progress_unique unique (person_id, course_code, session_slug)
);
create index lesson_progress_course_idx on lesson_progress (course_code, session_slug);

create sequence course_participation_seq start with 50 increment by 50;

-- Which version of a course each person is pinned to, so their course stays consistent while a coordinator
-- publishes the next one.
create table course_participation (
    id          bigint      primary key,
    person_id   bigint      not null references person (id),
    course_code varchar(40) not null,
    course_id   bigint      not null references course (id),
    started_at  timestamptz not null,
    switched_at timestamptz,
    version     bigint      not null default 0,
    constraint course_participation_unique unique (person_id, course_code)
);
create index course_participation_course_idx on course_participation (course_id);
