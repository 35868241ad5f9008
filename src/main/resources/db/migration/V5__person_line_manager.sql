-- Issue 4, candidate records: the line manager shown on a candidate's record, copied from the directory's
-- manager attribute (that entry's display name) at sign-in and whenever the portal reads the person's entry.

alter table person add column line_manager varchar(255);
