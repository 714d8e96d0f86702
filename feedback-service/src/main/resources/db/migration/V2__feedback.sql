-- Trigram similarity for "near-identical text" duplicate suggestions (see docs/2026-11-26-feedback-intake.md).
create extension if not exists pg_trgm;

-- Categories per ward: where a case goes (unit), how long the unit has (SLA in working days) and how urgent it is.
create table category (
    id          uuid primary key,
    ward        varchar(100) not null,
    code        varchar(50)  not null,
    name        varchar(200) not null,
    unit        varchar(50)  not null,
    sla_days    integer      not null check (sla_days between 1 and 60),
    priority    varchar(10)  not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    active      boolean      not null default true,
    constraint category_ward_code unique (ward, code)
);

create table feedback (
    id                  uuid primary key,
    tracking_code       varchar(8)   not null unique,
    ward                varchar(100) not null,
    channel             varchar(30)  not null,
    category            varchar(50),
    unit                varchar(50),
    priority            varchar(10)  not null,
    status              varchar(20)  not null,
    content             text         not null,
    content_folded      text         not null,
    -- personal data of the citizen: shown to staff only, never in events, logs or the public tracking view
    citizen_name        varchar(200),
    citizen_phone       varchar(20),
    citizen_email       varchar(254),
    citizen_address     varchar(500),
    latitude            double precision,
    longitude           double precision,
    photos              text,
    attributes          text,
    channel_user_id     varchar(100),
    received_at         timestamptz  not null,
    due_date            date         not null,
    collection_date     date,
    collection_source   varchar(200),
    recorded_by         varchar(200),
    public_answer       text,
    answered_at         timestamptz,
    answered_on_time    boolean,
    closed_at           timestamptz,
    reject_reason       varchar(1000),
    duplicate_of        uuid references feedback (id),
    suggested_duplicate uuid references feedback (id),
    reopen_count        integer      not null default 0,
    overdue_announced   boolean      not null default false,
    rating              integer check (rating between 1 and 5),
    rating_comment      varchar(2000),
    rated_at            timestamptz,
    version             bigint       not null default 0
);
create index feedback_ward_status on feedback (ward, status);
create index feedback_open_due on feedback (due_date) where overdue_announced = false
    and status in ('RECEIVED', 'ASSIGNED', 'IN_PROGRESS');
create index feedback_phone_recent on feedback (ward, citizen_phone, received_at) where citizen_phone is not null;
create index feedback_channel_user on feedback (channel, channel_user_id) where channel_user_id is not null;
create index feedback_ward_received on feedback (ward, received_at);

-- Follow-up messages of the same citizen on an open case (Zalo, Facebook) and the audit trail of every change.
create table feedback_message (
    id          uuid primary key,
    feedback_id uuid         not null references feedback (id),
    received_at timestamptz  not null,
    kind        varchar(20)  not null,
    text        text,
    url         varchar(2000)
);
create index feedback_message_feedback on feedback_message (feedback_id);

create table feedback_history (
    id          uuid primary key,
    feedback_id uuid         not null references feedback (id),
    at          timestamptz  not null,
    actor       varchar(200) not null,
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    note        varchar(2000)
);
create index feedback_history_feedback on feedback_history (feedback_id, at);

-- Idempotency-Key ledger: a retried submission returns the first answer instead of making a second case.
create table idempotency_key (
    scope        varchar(200) not null,
    key          varchar(200) not null,
    request_hash varchar(64)  not null,
    response     text,
    created_at   timestamptz  not null,
    primary key (scope, key)
);

-- Open311 clients (the city's app, others): only a SHA-256 of the key is kept.
create table open311_client (
    id          uuid primary key,
    name        varchar(200) not null,
    ward        varchar(100),
    key_hash    varchar(64)  not null unique,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz
);

-- Answers going back to a chat channel, sent after the commit and retried until the channel accepts them.
create table outgoing_reply (
    id              uuid primary key,
    feedback_id     uuid          not null references feedback (id),
    channel         varchar(30)   not null,
    recipient       varchar(100)  not null,
    text            text          not null,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    attempts        integer       not null default 0,
    last_error      varchar(1000)
);
create index outgoing_reply_pending on outgoing_reply (created_at) where sent_at is null;

-- The Zalo OA's tokens: refresh tokens are single-use, so the newest pair must survive restarts and replicas.
create table zalo_token (
    oa_id         varchar(100) primary key,
    access_token  varchar(2000),
    refresh_token varchar(2000) not null,
    expires_at    timestamptz
);

create index feedback_content_trgm on feedback using gin (content_folded gin_trgm_ops);
