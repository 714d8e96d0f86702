create extension if not exists unaccent;

create table task_occurrence (
    id         uuid primary key,
    ward       varchar(100)  not null,
    title      varchar(2000) not null,
    lead_unit  varchar(50)   not null,
    due_date   date,
    status     varchar(20)   not null,
    version    bigint        not null default 0,
    created_at timestamptz   not null,
    updated_at timestamptz   not null
);
create index task_occurrence_ward_unit on task_occurrence (ward, lead_unit);

create table task_history (
    id          uuid primary key,
    task_id     uuid         not null references task_occurrence (id),
    actor       varchar(200) not null,
    action      varchar(30)  not null,
    from_status varchar(20),
    to_status   varchar(20)  not null,
    reason      varchar(2000),
    occurred_at timestamptz  not null
);
create index task_history_task on task_history (task_id, occurred_at);
