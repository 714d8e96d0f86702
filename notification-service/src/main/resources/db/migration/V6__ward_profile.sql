-- The registry's description of each ward (criteria.ward-events.v1, docs/2026-12-08-ward-registry.md): what letters
-- print as the issuing body ("ỦY BAN NHÂN DÂN / XÃ TÂN TIẾN") and the place before their date. A ward not yet in
-- the registry falls back to notification.ward-names (a ward, "phường").
create table ward_profile (
    code       varchar(100) primary key,
    kind       varchar(10)  not null,
    name       varchar(100) not null,
    version    bigint       not null,
    updated_at timestamptz  not null default now()
);
