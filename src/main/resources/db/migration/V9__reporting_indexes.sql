-- HR reporting (issue 6): indexes for the dashboard, the drill-down lists, the exports and the API. Reports
-- aggregate in the database, so these serve filters (organisation, department, cohort start), completions by
-- date (the API's incremental sync and the completions chart), overdue places and the people lists' order.

create index person_organisation_department_idx on person (organisation, department);
create index person_display_name_idx on person (display_name, id);
create index enrolment_completed_at_idx on enrolment (completed_at, id) where completed_at is not null;
create index enrolment_current_expected_end_idx on enrolment (expected_end_date)
    where status in ('ENROLLED', 'ACTIVE', 'PAUSED');
create index cohort_session_cohort_number_slug_idx on cohort_session (cohort_id, number, slug);
