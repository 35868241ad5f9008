-- The HR dashboard's figures are shared between HR officers asking with the same filters while nothing they are
-- computed from changed (issue 18). "Nothing changed" is this count of changes: every statement that changes
-- place_report (the triggers of V11 keep it equal to enrolments, progress, cohorts and people), courses, cohorts or
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

create trigger report_change_place_report after insert or update or delete on place_report
    for each statement execute function report_changed();
create trigger report_change_course after insert or update or delete on course
    for each statement execute function report_changed();
create trigger report_change_cohort after insert or update or delete on cohort
    for each statement execute function report_changed();
create trigger report_change_person after insert or delete or update of organisation, department on person
    for each statement execute function report_changed();
create trigger report_change_place_report_truncate after truncate on place_report
    for each statement execute function report_changed();
create trigger report_change_course_truncate after truncate on course
    for each statement execute function report_changed();
create trigger report_change_cohort_truncate after truncate on cohort
    for each statement execute function report_changed();
create trigger report_change_person_truncate after truncate on person
    for each statement execute function report_changed();
