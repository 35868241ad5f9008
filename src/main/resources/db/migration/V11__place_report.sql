-- HR reporting at 100,000 staff (issue 6): one narrow row per course place with everything a report filters or
-- counts by, so the dashboard aggregates one table instead of joining every place with its person, cohort and
-- course (2.9 s for everyone at 317,130 places; see docs/performance.md).
--
-- The completion export reads each place's session completion dates from the same row, instead of looking up
-- every session of every place (most of the query time of a 10,000-place export).
--
-- The rows are derived, never written by the application: place_report_source is their one definition, and
-- statement-level triggers with transition tables keep place_report equal to it in the same transaction as the
-- change (one refresh per statement, so COPY and batches stay fast). What a row depends on:
--   enrolment (insert, update)                  -> the place's row
--   person (department, organisation)           -> the rows of that person's places
--   cohort (start date, course)                 -> the rows of that cohort's places
--   cohort_session (insert, update, delete)     -> the rows of that cohort's places
--   lesson_progress (insert, update, delete)    -> the rows of that person's places on that course
-- A course's code never changes once it has cohorts (versions share it), so course updates need no trigger.
-- Deleting a place deletes its row (foreign key).

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
       end                                                                     as days_to_complete,
       -- the UK date each of the cohort's sessions was completed, in session order (null where not done); progress
       -- is kept by course code and session slug, so it follows a person across course versions
       array(select (lp.completed_at at time zone 'Europe/London')::date
               from cohort_session cs
               left join lesson_progress lp on lp.person_id = e.person_id and lp.course_code = c.code
                                           and lp.session_slug = cs.slug
              where cs.cohort_id = e.cohort_id
              order by cs.number)                                              as session_dates
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
    days_to_complete integer,
    session_dates    date[]       not null
);

insert into place_report select * from place_report_source;

create index place_report_person_course_idx on place_report (person_id, course_code);
create index place_report_cohort_idx on place_report (cohort_id);
create index place_report_organisation_department_idx on place_report (organisation, department);
create index place_report_department_idx on place_report (department);
create index place_report_course_start_idx on place_report (course_code, cohort_start);
create index place_report_completed_idx on place_report (completed_at) where status = 'COMPLETED';

-- Makes the rows of these places equal to their definition again.
create function place_report_refresh(places bigint[]) returns void language sql as $$
    delete from place_report where enrolment_id = any (places);
    insert into place_report select * from place_report_source where enrolment_id = any (places);
$$;

create function place_report_after_enrolments() returns trigger language plpgsql as $$
begin
    perform place_report_refresh(array(select id from changed));
    return null;
end $$;

create trigger place_report_enrolment_insert after insert on enrolment
    referencing new table as changed for each statement execute function place_report_after_enrolments();
create trigger place_report_enrolment_update after update on enrolment
    referencing new table as changed for each statement execute function place_report_after_enrolments();

create function place_report_after_people() returns trigger language plpgsql as $$
begin
    perform place_report_refresh(array(
        select r.enrolment_id from changed n join previous o on o.id = n.id join place_report r on r.person_id = n.id
         where n.organisation is distinct from o.organisation or n.department is distinct from o.department));
    return null;
end $$;

create trigger place_report_person_update after update on person
    referencing new table as changed old table as previous for each statement
    execute function place_report_after_people();

create function place_report_after_cohorts() returns trigger language plpgsql as $$
begin
    perform place_report_refresh(array(
        select r.enrolment_id from changed n join previous o on o.id = n.id join place_report r on r.cohort_id = n.id
         where n.start_date <> o.start_date or n.course_id <> o.course_id));
    return null;
end $$;

create trigger place_report_cohort_update after update on cohort
    referencing new table as changed old table as previous for each statement
    execute function place_report_after_cohorts();

-- for inserts "changed" holds the new rows, for deletes the old ones
create function place_report_after_cohort_sessions() returns trigger language plpgsql as $$
begin
    perform place_report_refresh(array(
        select r.enrolment_id from place_report r where r.cohort_id in (select cohort_id from changed)));
    return null;
end $$;

create trigger place_report_cohort_session_insert after insert on cohort_session
    referencing new table as changed for each statement execute function place_report_after_cohort_sessions();
create trigger place_report_cohort_session_update after update on cohort_session
    referencing new table as changed for each statement execute function place_report_after_cohort_sessions();
create trigger place_report_cohort_session_delete after delete on cohort_session
    referencing old table as changed for each statement execute function place_report_after_cohort_sessions();

create function place_report_after_progress() returns trigger language plpgsql as $$
begin
    perform place_report_refresh(array(
        select r.enrolment_id from place_report r
         where (r.person_id, r.course_code) in (select person_id, course_code from changed)));
    return null;
end $$;

create trigger place_report_progress_insert after insert on lesson_progress
    referencing new table as changed for each statement execute function place_report_after_progress();
create trigger place_report_progress_update after update on lesson_progress
    referencing new table as changed for each statement execute function place_report_after_progress();
create trigger place_report_progress_delete after delete on lesson_progress
    referencing old table as changed for each statement execute function place_report_after_progress();
