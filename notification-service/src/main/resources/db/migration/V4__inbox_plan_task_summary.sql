-- Tasks generated from an imported plan reach a unit's inbox as one notification per plan and day that counts them
-- (an import creates hundreds at once), not one each. The count is kept here; a notification that gains items is
-- announced again on the live stream, as a new one is.
alter table inbox_notification add column item_count integer not null default 1;
create trigger inbox_notification_announce_more after update on inbox_notification
    for each row when (new.item_count > old.item_count) execute function inbox_notification_announce();
