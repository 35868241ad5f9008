-- The HR dashboard's figures are shared between HR officers asking with the same filters while nothing they are
-- computed from changed (issue 18). "Nothing changed" is this count of changes: every statement that changes a row
-- of place_report (the triggers of V11 keep it equal to enrolments, progress, cohorts and people), courses, cohorts or
-- the organisations and departments people are in adds one to it, in the same transaction. A node keeps figures
-- with the count it read before computing them, and a reader who reads a larger count computes them again: figures
-- are never older than the last change committed before the request.
--
-- The count is spread over eight rows, a transaction adding to the row of its connection's server process, so that
-- writers rarely wait for each other; readers add the rows up. No personal data: counts only.
create table report_change (
    shard   integer primary key,
    changes bigint  not null default 0
);
insert into report_change (shard) select generate_series(0, 7);

create function report_changed() returns trigger language plpgsql as $$
begin
    update report_change set changes = changes + 1 where shard = pg_backend_pid() % 8;
    return null;
end $$;

-- Statement triggers fire for statements that change no row too (V11's refresh deletes and inserts nothing for
-- most updates of a person, such as the sign-in time), so these count only statements that changed a row: their
-- transition table ("changed") is not empty. PostgreSQL allows a transition table on a trigger of one event only.
create function report_rows_changed() returns trigger language plpgsql as $$
begin
    if exists (select 1 from changed) then
        update report_change set changes = changes + 1 where shard = pg_backend_pid() % 8;
    end if;
    return null;
end $$;

create trigger report_change_place_report_insert after insert on place_report
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_place_report_update after update on place_report
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_place_report_delete after delete on place_report
    referencing old table as changed for each statement execute function report_rows_changed();
create trigger report_change_course_insert after insert on course
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_course_update after update on course
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_course_delete after delete on course
    referencing old table as changed for each statement execute function report_rows_changed();
create trigger report_change_cohort_insert after insert on cohort
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_cohort_update after update on cohort
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_cohort_delete after delete on cohort
    referencing old table as changed for each statement execute function report_rows_changed();
create trigger report_change_person_insert after insert on person
    referencing new table as changed for each statement execute function report_rows_changed();
create trigger report_change_person_delete after delete on person
    referencing old table as changed for each statement execute function report_rows_changed();
-- a person's other columns (the sign-in time at every sign-in) do not count: only their organisation or department
create trigger report_change_person_update after update of organisation, department on person
    for each row when (old.organisation is distinct from new.organisation or old.department is distinct from new.department)
    execute function report_changed();

create trigger report_change_place_report_truncate after truncate on place_report
    for each statement execute function report_changed();
create trigger report_change_course_truncate after truncate on course
    for each statement execute function report_changed();
create trigger report_change_cohort_truncate after truncate on cohort
    for each statement execute function report_changed();
create trigger report_change_person_truncate after truncate on person
    for each statement execute function report_changed();
