-- common: idempotency keys of state-changing requests (Idempotency-Key header on the API, one key per draft in the
-- report form). The key row is inserted in the same transaction as the change it guards and holds that change's
-- outcome, so a retry (same user, same key, same request) gets the first outcome instead of a second change; a
-- concurrent duplicate waits on the primary key until the first commits. Rows expire after app.idempotency.ttl.
create table idempotency_key (
    user_id       bigint        not null,
    idem_key      varchar(100)  not null,
    operation     varchar(200)  not null,
    request_hash  varchar(64)   not null,
    response_json text,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    primary key (user_id, idem_key)
);
create index ix_idempotency_expiry on idempotency_key (expires_at);
