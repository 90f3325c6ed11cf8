-- Expected evidence components (issue 17): the plan's default and the item's own list, as "1,2,5";
-- "" when none is expected (a report only), null when not given (the plan's default, else all six).
alter table plan add column components varchar(20);
alter table plan_item add column components varchar(20);
