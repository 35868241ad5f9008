-- Outages (issue 17, item 4): a notice's email is kept until the mail relay takes it. The portal used to hand each
-- email to the relay once, after commit, and lose it when the relay was down; now the notice row says whether its
-- email is still to go (PENDING), went (SENT) or was refused for good by the relay (FAILED: e.g. an address it does
-- not know), how often it was tried and when it is tried next. Every node retries due emails; each claims its rows
-- with "for update skip locked", so an email goes out once however many nodes run. Notices written before this
-- migration, and notices of people without an email address or while email is off, have no email state.
alter table notice add column email_state varchar(8);
alter table notice add column email_attempts integer not null default 0;
alter table notice add column email_next_at timestamptz;
alter table notice add constraint notice_email_state_check
    check (email_state is null or email_state in ('PENDING', 'SENT', 'FAILED'));
create index notice_email_due_idx on notice (email_next_at) where email_state = 'PENDING';
