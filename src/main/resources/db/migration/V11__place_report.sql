-- HR reporting at 100,000 staff (issue 6): one narrow row per course place with everything a report filters or
-- counts by, so the dashboard aggregates one table instead of joining every place with its person, cohort and
-- course (2.9 s for everyone at 317,130 places; see docs/performance.md).
--
-- The rows are derived, never written by the application: place_report_source is their one definition, and
-- statement-level triggers with transition tables keep place_report equal to it in the same transaction as the
-- change (one insert per statement, so COPY and batches stay fast). What a row depends on:
--   enrolment (insert, update)               -> the place's row
--   person (department, organisation)        -> the rows of that person's places
--   cohort (start date, course)              -> the rows of that cohort's places
-- A course's code never changes once it has cohorts (versions share it), so course updates need no trigger.

create view place_report_source as
select e.id                as enrolment_id,
       e.person_id,
       e.cohort_id,
       c.code              as course_code,
       co.start_date       as cohort_start,
       p.organisation,
       p.department,
       e.status,
       -- overdue once this date has passed; null when the place cannot be overdue (not current, or paused before
       -- its expected end, which the pause moves on day by day while it lasts)
       case when e.status in ('ENROLLED', 'ACTIVE', 'PAUSED')
                 and (e.paused_on is null or e.expected_end_date < e.paused_on)
            then e.expected_end_date end                                        as due_date,
       e.completed_at,
       case when e.status = 'COMPLETED'
            then (e.completed_at at time zone 'Europe/London')::date - co.start_date - e.paused_days_total
       end                                                                     as days_to_complete
  from enrolment e
  join cohort co on co.id = e.cohort_id
  join course c on c.id = co.course_id
  join person p on p.id = e.person_id;

create table place_report (
    enrolment_id     bigint       primary key references enrolment (id) on delete cascade,
    person_id        bigint       not null,
    cohort_id        bigint       not null,
    course_code      varchar(40)  not null,
    cohort_start     date         not null,
    organisation     varchar(255),
    department       varchar(255),
    status           varchar(16)  not null,
    due_date         date,
    completed_at     timestamptz,
    days_to_complete integer
);

insert into place_report select * from place_report_source;

create index place_report_person_idx on place_report (person_id);
create index place_report_cohort_idx on place_report (cohort_id);
create index place_report_organisation_department_idx on place_report (organisation, department);
create index place_report_department_idx on place_report (department);
create index place_report_course_start_idx on place_report (course_code, cohort_start);
create index place_report_completed_idx on place_report (completed_at) where status = 'COMPLETED';

create function place_report_refresh_enrolments() returns trigger language plpgsql as $$
begin
    insert into place_report
    select s.* from place_report_source s where s.enrolment_id in (select id from changed)
    on conflict (enrolment_id) do update set
        person_id = excluded.person_id, cohort_id = excluded.cohort_id, course_code = excluded.course_code,
        cohort_start = excluded.cohort_start, organisation = excluded.organisation,
        department = excluded.department, status = excluded.status, due_date = excluded.due_date,
        completed_at = excluded.completed_at, days_to_complete = excluded.days_to_complete;
    return null;
end $$;

create trigger place_report_enrolment_insert after insert on enrolment
    referencing new table as changed for each statement execute function place_report_refresh_enrolments();
create trigger place_report_enrolment_update after update on enrolment
    referencing new table as changed for each statement execute function place_report_refresh_enrolments();

create function place_report_refresh_people() returns trigger language plpgsql as $$
begin
    update place_report r set organisation = n.organisation, department = n.department
      from changed n join previous o on o.id = n.id
     where r.person_id = n.id
       and (n.organisation is distinct from o.organisation or n.department is distinct from o.department);
    return null;
end $$;

create trigger place_report_person_update after update on person
    referencing new table as changed old table as previous for each statement
    execute function place_report_refresh_people();

create function place_report_refresh_cohorts() returns trigger language plpgsql as $$
begin
    update place_report r set cohort_start = s.cohort_start, course_code = s.course_code,
                              days_to_complete = s.days_to_complete
      from place_report_source s
     where s.enrolment_id = r.enrolment_id
       and r.cohort_id in (select n.id from changed n join previous o on o.id = n.id
                            where n.start_date <> o.start_date or n.course_id <> o.course_id);
    return null;
end $$;

create trigger place_report_cohort_update after update on cohort
    referencing new table as changed old table as previous for each statement
    execute function place_report_refresh_cohorts();
