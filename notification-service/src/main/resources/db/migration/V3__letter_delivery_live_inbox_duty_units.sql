-- Letters are delivered to their addressee: contact details entered by staff or confirmed by the approving leader
-- (personal data, never logged). A message goes either to a person of the ward (recipient) or to a letter's addressee.
alter table letter add column recipient_email varchar(320);
alter table letter add column recipient_phone varchar(20);

alter table outgoing_message alter column recipient_id drop not null;
alter table outgoing_message add column letter_id uuid references letter (id);
-- named values a provider template may use (Zalo ZNS template_data), as a JSON object
alter table outgoing_message add column params text;
alter table outgoing_message add constraint outgoing_message_addressee
    check ((recipient_id is null) <> (letter_id is null));
-- one message per letter, sending round (source key) and channel; a leader may send a letter again after a failure
create unique index outgoing_message_letter on outgoing_message (letter_id, source_key, channel)
    where letter_id is not null;

-- The live inbox stream across replicas: every committed insert is announced on a channel that each replica LISTENs
-- to. NOTIFY inside the inserting transaction is delivered only when (and if) that transaction commits.
create function inbox_notification_announce() returns trigger language plpgsql as $$
begin
    perform pg_notify('inbox_notification',
            json_build_object('id', new.id, 'ward', new.ward, 'unit', new.unit)::text);
    return null;
end;
$$;
create trigger inbox_notification_announce after insert on inbox_notification
    for each row execute function inbox_notification_announce();

-- The unit that collects the people's opinions through the Fatherland Front each week is the ward's choice.
alter table reminder_policy add column front_collection_unit varchar(50) not null default 'TTPVHCC';
