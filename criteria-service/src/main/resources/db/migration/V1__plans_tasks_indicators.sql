-- criteria-service schema. Text is stored NFC-normalised; *_folded columns hold the accent- and case-folded form
-- (VietnameseText.fold, the same result as unaccent(lower(..))) so that search ignores diacritics and can be indexed.

create table unit (
    code     varchar(20)  primary key,
    name     varchar(200) not null,
    position integer      not null
);
insert into unit (code, name, position) values
    ('VHXH', 'Phòng Văn hóa - Xã hội', 1),
    ('TTPVHCC', 'Trung tâm Phục vụ hành chính công', 2),
    ('VP', 'Văn phòng HĐND và UBND', 3),
    ('KT', 'Phòng Kinh tế', 4),
    ('TTDVSNC', 'Trung tâm Dịch vụ sự nghiệp công', 5);

create table plan (
    code          varchar(100)  primary key,
    ward          varchar(100)  not null,
    year          integer       not null,
    title         varchar(1000) not null,
    source_sha256 varchar(64)   not null,
    imported_at   timestamptz   not null,
    imported_by   varchar(200)  not null,
    unique (ward, year)
);

create table plan_item (
    id                 uuid primary key,
    plan_code          varchar(100) not null references plan (code),
    item_key           varchar(40)  not null,
    parent_id          uuid references plan_item (id),
    criterion_code     varchar(10)  not null,
    kind               varchar(20)  not null,
    position           integer      not null,
    source_line        integer      not null,
    title              text         not null,
    time_frame         varchar(200),
    time_frame_raw     varchar(200),
    frequency          varchar(20),
    lead_units         varchar(200) not null default '',
    coordinating_units varchar(200) not null default '',
    expected_evidence  text,
    target_comparator  varchar(4),
    target_value       numeric(9, 2),
    active             boolean      not null default true,
    unique (plan_code, item_key)
);

create table task_occurrence (
    id                 uuid primary key,
    ward               varchar(100)  not null,
    plan_code          varchar(100),
    item_id            uuid references plan_item (id),
    criterion_code     varchar(10),
    title              varchar(2000) not null,
    title_folded       varchar(2000) not null,
    lead_unit          varchar(50)   not null,
    coordinating_units varchar(200)  not null default '',
    period_key         varchar(40),
    period_start       date,
    period_end         date,
    due_date           date,
    recurrence         varchar(20)   not null,
    expected_evidence  text,
    status             varchar(20)   not null,
    overdue            boolean       not null default false,
    evidence_count     integer       not null default 0,
    version            bigint        not null default 0,
    created_at         timestamptz   not null,
    updated_at         timestamptz   not null
);
-- one occurrence per item, lead unit and slot of the schedule: re-importing finds the same rows
create unique index task_occurrence_slot on task_occurrence (item_id, lead_unit, period_key) where item_id is not null;
create index task_occurrence_plan on task_occurrence (plan_code, lead_unit, status);
create index task_occurrence_plan_due on task_occurrence (plan_code, due_date);
create index task_occurrence_ward_unit on task_occurrence (ward, lead_unit);
create index task_occurrence_overdue_scan on task_occurrence (due_date)
    where overdue = false and status in ('TODO', 'IN_PROGRESS', 'RETURNED');

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

-- evidence records seen from evidence-service, for the evidence count per task
create table task_evidence (
    evidence_id varchar(100) primary key,
    task_id     uuid         not null references task_occurrence (id),
    state       varchar(20)  not null,
    updated_at  timestamptz  not null
);
create index task_evidence_task on task_evidence (task_id);

create table indicator (
    id             uuid primary key,
    plan_code      varchar(100)  not null references plan (code),
    ward           varchar(100)  not null,
    code           varchar(60)   not null,
    name           varchar(1000) not null,
    item_id        uuid references plan_item (id),
    criterion_code varchar(10)   not null,
    unit_code      varchar(20),
    periodicity    varchar(20)   not null,
    measure        varchar(20)   not null,
    comparator     varchar(4)    not null,
    target         numeric(9, 2) not null,
    source         varchar(30)   not null,
    unique (plan_code, code)
);

create table measurement (
    id           uuid primary key,
    indicator_id uuid          not null references indicator (id),
    period       varchar(10)   not null,
    numerator    numeric(14, 2) not null,
    denominator  numeric(14, 2),
    value        numeric(14, 4) not null,
    status       varchar(10)   not null,
    source       varchar(200)  not null,
    actor        varchar(200)  not null,
    measured_at  timestamptz   not null,
    version      bigint        not null default 0,
    unique (indicator_id, period)
);

-- what this service keeps of feedback events: enough to count weekly collection and on-time answers, no personal data
create table feedback_fact (
    feedback_id      varchar(100) primary key,
    ward             varchar(100) not null,
    channel          varchar(30),
    collected_on     date,
    answered_on      date,
    answered_on_time boolean,
    updated_at       timestamptz  not null
);
create index feedback_fact_ward on feedback_fact (ward, collected_on);
