-- Flyway runs this callback as the schema owner after every migrate, so the run-time role's rights follow every
-- table, sequence and function there is now, including those a later migration adds. The run-time role is the
-- placeholder runtime_role (the portal passes portal.db.user). It may read and write rows, but only read and append
-- to the audit trail, only read the migration history, and own nothing: so it cannot update, delete or truncate
-- audit_entry, nor alter or drop the triggers that keep it append-only. Not a migration: it is not versioned and
-- may change in any release.
do $grants$
declare
    app    text := '${runtime_role}';
    owner  text := current_user;
    target text := current_schema();
begin
    if app = '' or app = owner then
        raise warning 'the portal runs as the schema owner %, which could alter the audit trail: give it a run-time role (docs/operations.md)', owner;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'the run-time role % does not exist: create it before migrating (docs/operations.md, Database)', app;
    end if;
    execute format('grant usage on schema %I to %I', target, app);

    execute format('revoke all on all tables in schema %I from %I', target, app);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', target, app);
    execute format('revoke insert, update, delete on %I.%I from %I', target, '${flyway:table}', app);
    execute format('revoke update, delete on %I.audit_entry from %I', target, app);

    execute format('revoke all on all sequences in schema %I from %I', target, app);
    execute format('grant usage, select on all sequences in schema %I to %I', target, app);

    execute format('grant execute on all functions in schema %I to %I', target, app);
end
$grants$;
