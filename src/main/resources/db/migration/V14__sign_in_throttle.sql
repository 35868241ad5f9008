-- Failed sign-ins counted per account and per client address, so that password guessing is slowed on every node
-- of a cluster alike (issue 13). A row holds the attempted username (lower-cased, control characters removed) or
-- the client address, and is deleted one window after its last failure or the end of its lock, whichever is later
-- (the column expires_at); a successful sign-in deletes its account's row at once.

create table sign_in_throttle (
    throttle_key     varchar(200) primary key,   -- 'account:' || username  or  'address:' || client address
    failures         integer      not null,      -- failures since window_start (reset when a lock is set)
    window_start     timestamptz  not null,
    locks            integer      not null,      -- locks so far: each lasts twice as long as the one before
    locked_until     timestamptz,
    expires_at       timestamptz  not null
);
create index sign_in_throttle_expires_idx on sign_in_throttle (expires_at);
