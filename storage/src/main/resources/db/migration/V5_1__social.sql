-- YouTube Data API units spent per Pacific day (the quota resets at midnight America/Los_Angeles), shared by
-- every channel and every node, so a restart does not forget what was already spent today.
create table youtube_quota (
  pacific_day date    not null primary key,
  units_used  integer not null,
  constraint ck_youtube_quota_units check (units_used >= 0)
);
