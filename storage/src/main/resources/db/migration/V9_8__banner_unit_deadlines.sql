-- Issue 17. A watched banner missing on a day of its period raises an alert of its own.
alter table alert drop constraint ck_alert_kind;
alter table alert add constraint ck_alert_kind check (kind in ('stale_channel', 'failure_streak',
  'credential_rejected', 'channel_blocked', 'deadline_evidence', 'account_expiring', 'banner_missing'));
-- Deadlines per unit before the item's own (units report to the lead unit before it reports up, seed 002):
-- "UNIT=yyyy-MM-dd" pairs joined by ";" in unit order as written in the registry; null when none.
alter table plan_item add column unit_deadlines varchar(4000);
