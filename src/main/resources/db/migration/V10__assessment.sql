-- Assessment (issue 5, second half; issue 8): the allocated supervisor's decisions on a submission (refer back or
-- sign off, with a judgement and feedback per evidence requirement), internal verification (sampling plans, picked
-- candidates, confirm or return), corrections of a decision by a new decision that references it, and safeguarding
-- concerns. The submission's status (V6) carries where it stands, under its optimistic-lock version.

-- Every decision is a new row and never changes. position numbers a submission's decisions 1, 2, 3...; two reviewers
-- deciding at once would both take the next number, so the unique constraint lets exactly one of them through, as
-- the submission's version does.
create sequence assessment_decision_seq start with 50 increment by 50;

create table assessment_decision (
    id                bigint        primary key,
    submission_id     bigint        not null references submission (id),
    position          integer       not null,
    kind              varchar(16)   not null,
    from_status       varchar(16)   not null,
    to_status         varchar(16)   not null,
    decided_by_id     bigint        not null references person (id),
    decided_by        varchar(255)  not null,
    decided_at        timestamptz   not null,
    -- overall feedback (refer back), comments (verifier), or the reason for a correction
    feedback          text,
    -- a sign-off: the declaration the assessor confirmed, word for word, after re-entering their directory password
    declaration       text,
    identity_verified boolean       not null default false,
    -- a correction: the decision it corrects (the latest one on the submission at the time)
    corrects_id       bigint        references assessment_decision (id),
    -- a sign-off: the assessor's n-th sign-off counted by the sampling plan, and whether and why it was sampled
    signoff_number    integer,
    sample_reason     varchar(16),
    sampled_to_id     bigint        references person (id),
    constraint assessment_decision_position_unique unique (submission_id, position),
    constraint assessment_decision_position_check check (position >= 1),
    constraint assessment_decision_kind_check check (kind in ('REFER_BACK', 'SIGN_OFF', 'CONFIRM', 'RETURN', 'CORRECTION')),
    constraint assessment_decision_status_check check (
        from_status in ('SUBMITTED', 'REFERRED_BACK', 'SIGNED_OFF', 'VERIFIED', 'RETURNED')
        and to_status in ('SUBMITTED', 'REFERRED_BACK', 'SIGNED_OFF', 'VERIFIED', 'RETURNED')),
    constraint assessment_decision_feedback_check check (kind not in ('REFER_BACK', 'RETURN', 'CORRECTION')
        or (feedback is not null and btrim(feedback) <> '')),
    constraint assessment_decision_signoff_check check (kind <> 'SIGN_OFF'
        or (declaration is not null and identity_verified)),
    constraint assessment_decision_correction_check check ((kind = 'CORRECTION') = (corrects_id is not null)),
    constraint assessment_decision_sample_check check ((sample_reason is null) = (sampled_to_id is null)
        and (sample_reason is null or (kind = 'SIGN_OFF' and sample_reason in ('FIRST', 'RATE', 'PICKED', 'RESAMPLE'))))
);
-- A decision is corrected at most once (a mistaken correction is put right by a new decision, not a second correction).
create unique index assessment_decision_corrected_once_idx on assessment_decision (corrects_id) where corrects_id is not null;
create index assessment_decision_submission_idx on assessment_decision (submission_id, position);
create index assessment_decision_decider_idx on assessment_decision (decided_by_id, kind);

-- The judgement of each evidence requirement in a refer-back or sign-off: met or not yet met, with feedback. The
-- matrix reads met requirements from requirement_judgement (V6), which the same decision fills.
create sequence assessment_judgement_seq start with 50 increment by 50;

create table assessment_judgement (
    id             bigint   primary key,
    decision_id    bigint   not null references assessment_decision (id),
    requirement_id bigint   not null references evidence_requirement (id),
    met            boolean  not null,
    feedback       text,
    constraint assessment_judgement_unique unique (decision_id, requirement_id)
);
create index assessment_judgement_requirement_idx on assessment_judgement (requirement_id);

create function assessment_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: a decision is corrected by a new decision, never by %', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger assessment_decision_append_only
    before update or delete on assessment_decision
    for each row execute function assessment_append_only();
create trigger assessment_decision_no_truncate
    before truncate on assessment_decision
    for each statement execute function assessment_append_only();
create trigger assessment_judgement_append_only
    before update or delete on assessment_judgement
    for each row execute function assessment_append_only();
create trigger assessment_judgement_no_truncate
    before truncate on assessment_judgement
    for each statement execute function assessment_append_only();

-- Sampling plans, set by internal verifiers: every sign-off among an assessor's first first_n, then rate_percent of
-- the rest (see SamplingRule), sampled to the verifier who last saved the plan. One plan per assessor, and one
-- default plan (assessor_id null) for every assessor without their own.
create sequence sampling_plan_seq start with 50 increment by 50;

create table sampling_plan (
    id           bigint        primary key,
    assessor_id  bigint        references person (id),
    verifier_id  bigint        not null references person (id),
    first_n      integer       not null,
    rate_percent integer       not null,
    updated_by   varchar(255)  not null,
    updated_at   timestamptz   not null,
    version      bigint        not null default 0,
    constraint sampling_plan_first_n_check check (first_n between 0 and 1000),
    constraint sampling_plan_rate_check check (rate_percent between 0 and 100),
    constraint sampling_plan_not_own_check check (assessor_id is null or assessor_id <> verifier_id)
);
create unique index sampling_plan_assessor_idx on sampling_plan (assessor_id) where assessor_id is not null;
create unique index sampling_plan_default_idx on sampling_plan ((assessor_id is null)) where assessor_id is null;

-- Candidates a verifier picked: every sign-off of their work is sampled to that verifier.
create sequence sampling_pick_seq start with 50 increment by 50;

create table sampling_pick (
    id           bigint        primary key,
    enrolment_id bigint        not null references enrolment (id),
    verifier_id  bigint        not null references person (id),
    picked_at    timestamptz   not null,
    constraint sampling_pick_enrolment_unique unique (enrolment_id)
);
create index sampling_pick_verifier_idx on sampling_pick (verifier_id);

-- Safeguarding concerns a supervisor raises while reviewing: apart from feedback, seen only by designated
-- safeguarding leads, who close them with an outcome. What was raised never changes; a closed concern stays closed.
create sequence safeguarding_concern_seq start with 50 increment by 50;

create table safeguarding_concern (
    id            bigint        primary key,
    enrolment_id  bigint        not null references enrolment (id),
    submission_id bigint        references submission (id),
    raised_by_id  bigint        not null references person (id),
    raised_at     timestamptz   not null,
    concern       text          not null,
    closed_by_id  bigint        references person (id),
    closed_at     timestamptz,
    outcome       text,
    version       bigint        not null default 0,
    constraint safeguarding_concern_closed_check check ((closed_at is null) = (closed_by_id is null)
        and (closed_at is null) = (outcome is null))
);
create index safeguarding_concern_open_idx on safeguarding_concern (raised_at) where closed_at is null;
create index safeguarding_concern_closed_idx on safeguarding_concern (closed_at) where closed_at is not null;
create index safeguarding_concern_enrolment_idx on safeguarding_concern (enrolment_id);

create function safeguarding_concern_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'a safeguarding concern cannot be deleted' using errcode = 'insufficient_privilege';
    end if;
    if (new.enrolment_id, new.submission_id, new.raised_by_id, new.raised_at, new.concern)
            is distinct from (old.enrolment_id, old.submission_id, old.raised_by_id, old.raised_at, old.concern)
       or old.closed_at is not null then
        raise exception 'a safeguarding concern is never changed: it is only closed, once, with an outcome'
            using errcode = 'insufficient_privilege';
    end if;
    return new;
end;
$$;

create trigger safeguarding_concern_guard
    before update or delete on safeguarding_concern
    for each row execute function safeguarding_concern_guard();
