-- Task read model: what this service knows of criteria-service's tasks, from criteria.task-events.v1.
create table task_view (
    task_id            varchar(100) primary key,
    ward               varchar(100) not null,
    plan_code          varchar(100),
    item_id            varchar(100),
    criterion_code     varchar(100),
    title              text,
    lead_unit          varchar(100) not null,
    coordinating_units varchar(1000) not null default '',
    period_start       date,
    period_end         date,
    due_date           date,
    status             varchar(40),
    expected_evidence  text,
    version            bigint,
    updated_at         timestamptz not null
);
create index task_view_ward_due on task_view (ward, due_date);

-- Content-addressed files: one row per distinct content, whatever the number of evidence records using it.
create table stored_blob (
    sha256     char(64) primary key,
    size       bigint       not null,
    media_type varchar(200) not null,
    created_at timestamptz  not null
);

create table evidence (
    id               uuid primary key,
    task_id          varchar(100) not null references task_view (task_id),
    ward             varchar(100) not null,
    unit             varchar(100) not null,
    kind             varchar(40)  not null,
    title            text         not null,
    description      text,
    activity_date    date,
    place            text,
    url              varchar(2000),
    state            varchar(20)  not null,
    current_revision integer      not null,
    created_by       varchar(200) not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    withdrawn_by     varchar(200),
    withdrawn_reason text,
    withdrawn_at     timestamptz,
    version          bigint       not null default 0
);
create index evidence_task on evidence (task_id);
create index evidence_ward_unit on evidence (ward, unit);

-- Revisions are immutable: a new file for the same evidence is a new revision, earlier ones stay.
create table evidence_file (
    id             uuid primary key,
    evidence_id    uuid         not null references evidence (id),
    revision       integer      not null,
    sha256         char(64)     not null references stored_blob (sha256),
    file_name      varchar(255) not null,
    media_type     varchar(200) not null,
    size           bigint       not null,
    captured_at    timestamptz,
    latitude       double precision,
    longitude      double precision,
    outside_period boolean      not null default false,
    uploaded_by    varchar(200) not null,
    uploaded_at    timestamptz  not null
);
create index evidence_file_evidence on evidence_file (evidence_id, revision);
create index evidence_file_sha on evidence_file (sha256);

-- Audit trail of every state change: who, when, from what to what, why.
create table evidence_history (
    id          uuid primary key,
    evidence_id uuid         not null references evidence (id),
    action      varchar(20)  not null,
    from_state  varchar(20),
    to_state    varchar(20)  not null,
    revision    integer      not null,
    actor       varchar(200) not null,
    reason      text,
    at          timestamptz  not null
);
create index evidence_history_evidence on evidence_history (evidence_id, at);
