create table inbox_notification (
    id              uuid primary key,
    ward            varchar(100)  not null,
    unit            varchar(50)   not null,
    kind            varchar(50)   not null,
    title           varchar(2500) not null,
    body            text,
    subject_id      varchar(200),
    source_event_id varchar(200)  not null,
    created_at      timestamptz   not null,
    read_at         timestamptz
);
create index inbox_notification_unit on inbox_notification (ward, unit, created_at desc);
