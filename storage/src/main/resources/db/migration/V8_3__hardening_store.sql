-- The head of the audit chain in one row: an append locks it (select ... for update), reads the previous hash,
-- inserts its event and moves the head, so concurrent appends queue instead of colliding on prev_hash.
create table audit_head (
  id   integer primary key,
  hash char(64) not null,
  constraint ck_audit_head_single check (id = 1)
);
insert into audit_head (id, hash)
  select 1, coalesce((select e.hash from audit_event e order by e.id desc limit 1), repeat('0', 64));

-- The process that owns a running harvest (with `node`, its host): a later start on the same host marks the
-- run interrupted when that process is gone (killed), whichever command it was.
alter table harvest_run add column owner_pid bigint;
alter table harvest_run add column owner_started_at timestamp with time zone;

-- Failed logins per user name ('u:' + name) and per address ('a:' + address) in the current window, shared by
-- every node and kept over restarts. An attempt is counted before its password is checked, under the row lock.
create table login_throttle (
  throttle_key  varchar(200) primary key,
  window_start  timestamp with time zone not null,
  failures      integer not null,
  refused       integer not null default 0,
  reported_at   timestamp with time zone
);
