-- The wards' chat accounts: a city deployment takes every ward's Zalo Official Account and Facebook page through one
-- webhook per channel, and the OA id / page id of each event says whose ward it is (docs/2026-12-03-chat-accounts.md).
-- The Zalo OA's tokens stay in zalo_token (keyed by OA id); a Facebook page's access token is kept here.
create table chat_account (
    channel           varchar(20)  not null check (channel in ('ZALO', 'FACEBOOK')),
    account_id        varchar(100) not null,
    ward              varchar(100) not null,
    default_category  varchar(50),
    page_access_token text,
    updated_by        varchar(200) not null,
    updated_at        timestamptz  not null,
    primary key (channel, account_id),
    unique (channel, ward)
);

-- tokens are now stored encrypted (SecretColumn: "v1:" + base64), longer than the clear value
alter table zalo_token alter column access_token type text, alter column refresh_token type text;
