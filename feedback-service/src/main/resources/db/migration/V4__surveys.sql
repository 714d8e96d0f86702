-- Satisfaction surveys of a ward (the plan's two surveys a year): questions as JSON, answers online or from paper.
create table survey (
    id          uuid primary key,
    ward        varchar(100) not null,
    code        varchar(50)  not null,
    title       varchar(300) not null,
    questions   text         not null,
    created_by  varchar(200) not null,
    created_at  timestamptz  not null,
    constraint survey_ward_code unique (ward, code)
);

create table survey_response (
    id          uuid primary key,
    survey_id   uuid         not null references survey (id),
    channel     varchar(10)  not null check (channel in ('ONLINE', 'PAPER')),
    answers     text         not null,
    answered_at timestamptz  not null,
    entered_by  varchar(200)
);
create index survey_response_survey on survey_response (survey_id);
