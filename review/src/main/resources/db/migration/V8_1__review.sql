-- Review UI: indexes for the evidence queue's keyset paging (newest id first) under its common filters, and
-- for finding an evidence item's links; runs on H2 (MODE=PostgreSQL) and PostgreSQL.
create index ix_evidence_status_id on evidence (status, id desc);
create index ix_evidence_channel_id on evidence (channel_id, id desc);
create index ix_evidence_occurred on evidence (occurred_at);
create index ix_link_evidence on evidence_link (evidence_id, state);
create index ix_audit_at on audit_event (at desc);
