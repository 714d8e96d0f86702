-- The city's registry of its wards, communes and special zones (docs/2026-12-08-ward-registry.md): the kind of unit and
-- its name as the letters print them ("ỦY BAN NHÂN DÂN / XÃ TÂN TIẾN", "Tân Tiến, ngày …"), and the contacts a front
-- end shows. Every other table keys its rows by the ward's code; the registry does not constrain them (a plan can be
-- imported before its ward is registered), it describes them. Each change keeps a snapshot in ward_history.
create table ward (
    code       varchar(100) primary key,
    kind       varchar(10)  not null check (kind in ('PHUONG', 'XA', 'DAC_KHU')),
    name       varchar(100) not null,
    province   varchar(100),
    address    varchar(300),
    phone      varchar(30),
    email      varchar(200),
    version    bigint       not null,
    updated_at timestamptz  not null,
    updated_by varchar(200) not null
);

create table ward_history (
    id         uuid         primary key,
    ward_code  varchar(100) not null references ward (code),
    version    bigint       not null,
    changed_at timestamptz  not null,
    changed_by varchar(200) not null,
    profile    text         not null,
    unique (ward_code, version)
);
