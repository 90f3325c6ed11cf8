-- Reading public pages through the browser (issue 15, part A).
-- A run that met a login wall, checkpoint, captcha or "content not available" page ends 'blocked': it files nothing
-- and the scheduler backs off before the channel's next automatic run.
alter table harvest_run drop constraint ck_run_status;
alter table harvest_run add constraint ck_run_status
  check (status in ('running', 'success', 'partial', 'failed', 'interrupted', 'skipped', 'blocked'));

-- Counts as a page shows them keep their precision: "1,2K" is stored as 1200 in the count column and 1299 in its
-- *_max column (the largest value the platform still shows as "1,2K"). Null *_max: the count is exact.
alter table metric_snapshot add column reactions_max bigint;
alter table metric_snapshot add column comments_max bigint;
alter table metric_snapshot add column shares_max bigint;
alter table metric_snapshot add column views_max bigint;
alter table metric_snapshot add column likes_max bigint;
alter table metric_snapshot add constraint ck_snapshot_bounds check (
  (reactions_max is null or reactions_max >= reactions) and (comments_max is null or comments_max >= comments)
  and (shares_max is null or shares_max >= shares) and (views_max is null or views_max >= views)
  and (likes_max is null or likes_max >= likes));
