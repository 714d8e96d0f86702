-- Read models of other services' aggregates, kept from their events (this service never reads their databases).
create table task_view (
    task_id            varchar(200) primary key,
    ward               varchar(100) not null,
    plan_code          varchar(100),
    title              varchar(2500) not null,
    lead_unit          varchar(50)  not null,
    coordinating_units varchar(1000),
    due_date           date,
    recurrence         varchar(20),
    status             varchar(30)  not null,
    version            bigint,
    updated_at         timestamptz  not null
);
create index task_view_unit on task_view (ward, lead_unit, due_date);

create table feedback_view (
    feedback_id   varchar(200) primary key,
    tracking_code varchar(100),
    ward          varchar(100) not null,
    unit          varchar(50),
    category      varchar(200),
    channel       varchar(30),
    status        varchar(30)  not null,
    due_date      date,
    answered_at   timestamptz,
    updated_at    timestamptz  not null
);
create index feedback_view_unit on feedback_view (ward, unit, due_date);

-- People who receive reminders outside the app; contact details are personal data and never logged.
create table recipient (
    id           uuid primary key,
    ward         varchar(100) not null,
    unit         varchar(50)  not null,
    role         varchar(20)  not null,
    name         varchar(200) not null,
    email        varchar(320),
    phone        varchar(20),
    zalo_user_id varchar(100),
    channels     varchar(100) not null,
    quiet_start  time,
    quiet_end    time,
    active       boolean      not null default true,
    created_at   timestamptz  not null
);
create index recipient_unit on recipient (ward, unit, role) where active;

-- The reminder policy of a ward, as data; a ward without a row uses the defaults of ReminderPolicy.defaults().
create table reminder_policy (
    ward                       varchar(100) primary key,
    days_before                varchar(100) not null,
    send_hour                  integer      not null,
    on_due_day                 boolean      not null,
    overdue_daily_days         integer      not null,
    escalate_head_after_days   integer      not null,
    escalate_leader_after_days integer      not null,
    leader_unit                varchar(50)  not null,
    reviewer_unit              varchar(50)  not null,
    digest_enabled             boolean      not null,
    greeting_days_before       integer      not null,
    updated_at                 timestamptz  not null
);

-- Reminders computed ahead. The unique key makes planning idempotent and dispatching at most once.
create table reminder (
    id           uuid primary key,
    reminder_key varchar(300) not null unique,
    ward         varchar(100) not null,
    unit         varchar(50)  not null,
    subject_kind varchar(20)  not null,
    subject_id   varchar(200) not null,
    kind         varchar(30)  not null,
    audience     varchar(20)  not null,
    fire_at      timestamptz  not null,
    status       varchar(20)  not null,
    title        varchar(2500) not null,
    body         text,
    created_at   timestamptz  not null,
    sent_at      timestamptz,
    cancel_reason varchar(500)
);
create index reminder_due on reminder (fire_at) where status = 'PENDING';
create index reminder_subject on reminder (subject_kind, subject_id);

-- One message to one recipient over one channel; every attempt is recorded.
create table outgoing_message (
    id               uuid primary key,
    ward             varchar(100) not null,
    unit             varchar(50)  not null,
    recipient_id     uuid         not null references recipient (id),
    channel          varchar(10)  not null,
    kind             varchar(30)  not null,
    subject          varchar(1000) not null,
    body_text        text         not null,
    body_html        text,
    source_key       varchar(300) not null,
    status           varchar(20)  not null,
    attempts         integer      not null default 0,
    next_attempt_at  timestamptz  not null,
    last_error       varchar(1000),
    fallback_channel varchar(10),
    fallback_of      uuid,
    created_at       timestamptz  not null,
    sent_at          timestamptz,
    unique (source_key, recipient_id, channel)
);
create index outgoing_message_due on outgoing_message (next_attempt_at) where status = 'PENDING';

create table delivery_attempt (
    id              uuid primary key,
    message_id      uuid         not null references outgoing_message (id),
    channel         varchar(10)  not null,
    attempted_at    timestamptz  not null,
    success         boolean      not null,
    provider_answer varchar(2000)
);
create index delivery_attempt_message on delivery_attempt (message_id, attempted_at);

-- OAuth tokens of providers (Zalo rotates its refresh token on every refresh, so it must be kept).
create table provider_token (
    provider      varchar(50) primary key,
    access_token  varchar(2000),
    refresh_token varchar(2000),
    expires_at    timestamptz
);

-- Letters: drafts, approved by a leader, then issued with a number; the register is this table.
create table letter (
    id              uuid primary key,
    ward            varchar(100) not null,
    kind            varchar(30)  not null,
    status          varchar(20)  not null,
    recipient_name  varchar(300) not null,
    recipient_address varchar(500),
    body            text         not null,
    subject_id      varchar(200),
    number          integer,
    year            integer,
    symbol          varchar(50),
    issued_on       date,
    signer_title    varchar(200) not null,
    signer_name     varchar(200),
    created_by      varchar(200) not null,
    created_at      timestamptz  not null,
    approved_by     varchar(200),
    approved_at     timestamptz,
    unique (ward, year, number)
);
create unique index letter_auto_subject on letter (ward, kind, subject_id) where subject_id is not null;

create unique index inbox_notification_source on inbox_notification (source_event_id, ward, unit);
