-- People known to the portal, keyed by the directory's stable id, and the append-only audit trail.

create sequence person_seq start with 50 increment by 50;

create table person (
    id              bigint       primary key,
    directory_id    varchar(255) not null,
    username        varchar(255) not null,
    display_name    varchar(255) not null,
    email           varchar(320),
    job_title       varchar(255),
    department      varchar(255),
    organisation    varchar(255),
    last_sign_in_at timestamptz,
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null,
    version         bigint       not null default 0,
    constraint person_directory_id_unique unique (directory_id)
);
create index person_username_idx on person (lower(username));
create index person_department_idx on person (department);

create sequence audit_entry_seq start with 50 increment by 50;

create table audit_entry (
    id             bigint        primary key,
    occurred_at    timestamptz   not null,
    actor          varchar(255),
    action         varchar(64)   not null,
    subject_type   varchar(64),
    subject_id     varchar(255),
    detail         varchar(2000),
    remote_address varchar(64)
);
create index audit_entry_occurred_at_idx on audit_entry (occurred_at);
create index audit_entry_subject_idx on audit_entry (subject_type, subject_id);
create index audit_entry_actor_idx on audit_entry (actor, occurred_at);

-- Append-only, whatever the application or a careless administrator does.
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit trail is append-only: % is not allowed on audit_entry', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_entry_no_update_or_delete
    before update or delete on audit_entry
    for each row execute function audit_entry_append_only();

create trigger audit_entry_no_truncate
    before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
