-- Coordinators edit a draft's units, learning outcomes, evidence requirements and assessment tasks one at a
-- time, so each gets a version for optimistic locking: a concurrent edit is reported, never overwritten.

alter table course_unit          add column version bigint not null default 0;
alter table learning_outcome     add column version bigint not null default 0;
alter table evidence_requirement add column version bigint not null default 0;
alter table assessment_task      add column version bigint not null default 0;
