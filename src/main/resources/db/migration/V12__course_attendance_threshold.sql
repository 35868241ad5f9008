-- A per-course attendance threshold (issue 4): the share of a cohort's sessions a candidate must attend to
-- complete, in percent. It belongs to the course version, like completion_mode: a new version may change it.
-- A new cohort takes its course version's threshold as its own copy (cohort.attendance_threshold), which the
-- coordinator may still change for that cohort; completion reads the cohort's copy.
alter table course
    add column attendance_threshold integer not null default 80,
    add constraint course_threshold_check check (attendance_threshold between 0 and 100);
