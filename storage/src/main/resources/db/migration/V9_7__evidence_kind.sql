-- Targets that count (issue 17): a target may ask for one kind of evidence, and evidence has a kind, set by
-- rules from its post (kind_by null) or by a reviewer (kind_by names them).
alter table target add column kind varchar(20);
alter table target add constraint ck_target_kind
  check (kind in ('clip', 'infographic_2d', 'infographic_3d', 'article', 'post', 'banner_day'));
alter table evidence add column kind varchar(20);
alter table evidence add column kind_by varchar(100);
alter table evidence add constraint ck_evidence_kind
  check (kind in ('clip', 'infographic_2d', 'infographic_3d', 'article', 'post', 'banner_day'));
-- Harvested evidence stored before this version gets the kind the rules give from the post's kind alone.
update evidence set kind = (
  select case p.kind when 'video' then 'clip' when 'article' then 'article' when 'page_watch' then 'banner_day'
    else 'post' end
  from post p where p.id = evidence.post_id)
where post_id is not null;
