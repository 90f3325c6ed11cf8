-- Conditional GET: per fetched URL, the validators of its last 2xx answer (ETag, Last-Modified) and the SHA-256 of
-- its body, never the page itself. A refresh sends the validators; a 304, or a body with the same hash, means the
-- page has not changed. Keyed by the SHA-256 of the URL, so a URL of any length fits the key.
create table fetch_validator (
  url_sha256    char(64)      not null primary key,
  url           varchar(2000) not null,
  etag          varchar(1000),
  last_modified varchar(100),
  body_sha256   char(64)      not null,
  fetched_at    timestamp with time zone not null
);
