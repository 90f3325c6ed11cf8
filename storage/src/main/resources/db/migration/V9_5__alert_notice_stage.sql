-- The stage of a condition that is announced again as it worsens without clearing: a deadline alert goes
-- from "due in D days" to "due today" to "overdue, week N". When the stage changes the alert is e-mailed again.
alter table alert add column notice_stage varchar(40);
