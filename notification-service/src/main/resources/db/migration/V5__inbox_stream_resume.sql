-- The live stream's resume point (Server-Sent Events' Last-Event-ID): when a notification was inserted or last
-- gained items, by the database's clock (the start of the changing transaction). A client that reconnects with the
-- last event it received is sent what changed in its unit's inbox since then (InboxResource.live).
alter table inbox_notification add column changed_at timestamptz;
update inbox_notification set changed_at = created_at;
alter table inbox_notification alter column changed_at set not null, alter column changed_at set default now();
create function inbox_notification_changed() returns trigger language plpgsql as $$
begin
    new.changed_at := now();
    return new;
end;
$$;
create trigger inbox_notification_changed before update on inbox_notification
    for each row when (new.item_count > old.item_count) execute function inbox_notification_changed();
create index inbox_notification_unit_changed on inbox_notification (ward, unit, changed_at);
