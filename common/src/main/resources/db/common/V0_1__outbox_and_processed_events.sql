-- Shared by every service (from the common module): the transactional outbox and the idempotent-consumer ledger.
create table outbox_event (
    id           uuid primary key,
    topic        varchar(200) not null,
    event_type   varchar(200) not null,
    aggregate_id varchar(200) not null,
    subject      varchar(200),
    ward         varchar(100),
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz,
    attempts     integer      not null default 0,
    last_error   varchar(1000)
);
create index outbox_event_pending on outbox_event (created_at, id) where published_at is null;
create index outbox_event_published on outbox_event (published_at) where published_at is not null;

create table processed_event (
    consumer     varchar(100) not null,
    event_id     varchar(200) not null,
    processed_at timestamptz  not null,
    primary key (consumer, event_id)
);
