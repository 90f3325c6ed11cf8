-- Platform accounts: one stored credential per Facebook Page, Zalo OA or YouTube key, linked to the channels it
-- serves. Secrets (access and refresh tokens, keys) are sealed with AES-GCM by the application before they are
-- written; rows left in plaintext by earlier versions are sealed on the first start after this migration.
alter table platform_credential rename to platform_account;
alter table platform_account add column display_name varchar(500);
alter table platform_account add column token_kind varchar(32) default 'token' not null;
alter table platform_account add column masked varchar(32);
alter table platform_account add column scopes varchar(1000);
alter table platform_account add column status varchar(16) default 'ok' not null;
alter table platform_account add column last_used_at timestamp with time zone;
alter table platform_account add column last_success_at timestamp with time zone;
alter table platform_account add column last_error varchar(2000);
alter table platform_account add column created_at timestamp with time zone;
alter table platform_account add constraint ck_account_status check (status in ('ok', 'rejected', 'revoked'));

-- Which account serves a channel: at most one per channel, an account may serve several channels.
create table channel_account (
  channel_id bigint not null primary key references channel (id) on delete cascade,
  account_id bigint not null references platform_account (id) on delete cascade,
  linked_at  timestamp with time zone not null
);
create index ix_channel_account_account on channel_account (account_id);

-- Earlier versions kept one Zalo pair per OA (account = OA id, else the channel code): link those channels.
insert into channel_account (channel_id, account_id, linked_at)
  select c.id, a.id, a.updated_at from channel c join platform_account a
    on a.platform = 'zalo' and (a.account = c.platform_id or a.account = c.code)
  where c.kind = 'zalo_oa';
update platform_account set token_kind = 'oa_token', created_at = updated_at where platform = 'zalo';

-- OAuth connect flows in progress: a random state (stored hashed), bound to the browser that started it, single
-- use, 10 minutes. The PKCE verifier is sealed like the tokens.
create table connect_state (
  state_hash    varchar(64)  not null primary key,
  platform      varchar(32)  not null,
  channel_code  varchar(64)  not null,
  user_name     varchar(100) not null,
  binding_hash  varchar(64)  not null,
  code_verifier varchar(1000),
  created_at    timestamp with time zone not null
);

alter table alert drop constraint ck_alert_kind;
alter table alert add constraint ck_alert_kind check (kind in ('stale_channel', 'failure_streak',
  'credential_rejected', 'channel_blocked', 'deadline_evidence', 'account_expiring'));
