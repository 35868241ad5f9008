-- Identity by stable id (issue 13). A person is the directory's stable id (entryUUID / objectGUID); the username is
-- only what they sign in with today. Directories reuse usernames: when a new person signs in with a username an
-- earlier person (another stable id) still holds, the earlier person's username is released. The earlier person
-- keeps their records, and their username for reading history, marked released, but no sign-in or look-up by
-- name reaches them any more.
alter table person
    add column username_released_at timestamp with time zone;

-- Rows that already share a username (case-insensitively): all but the most recently signed-in are released.
update person p set username_released_at = now()
where exists (
    select 1 from person q
    where lower(q.username) = lower(p.username) and q.id <> p.id
      and (coalesce(q.last_sign_in_at, q.created_at), q.id) > (coalesce(p.last_sign_in_at, p.created_at), p.id)
);

-- Usernames are unique among the people whose username is not released.
create unique index person_username_held_unique on person (lower(username)) where username_released_at is null;
