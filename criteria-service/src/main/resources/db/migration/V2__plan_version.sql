-- A version per plan, bumped by the database in the transaction of every change that can alter what the plan's
-- progress or task list shows (tasks, items, indicators, measurements, the ward's feedback facts). Readers cache what
-- they computed under (plan, version) and read only this number per request; every replica sees the same number, so
-- every replica's cache stays correct (docs/2026-12-02-criteria-read-path.md).
--
-- The bump is a DEFERRED constraint trigger: it runs at commit, after all the transaction's other row locks, so that
-- a transition (task row, then plan_version at commit) and an import (plan row, task rows, then plan_version at
-- commit) can never wait on each other in a cycle. It writes at most once per plan and transaction (bumped_by).
create table plan_version (
    plan_code varchar(100) primary key references plan (code),
    version   bigint       not null,
    bumped_by xid8         not null
);

create function bump_plan_version(p_code varchar) returns void language sql as $$
    insert into plan_version (plan_code, version, bumped_by)
    select p_code, 1, pg_current_xact_id() where exists (select 1 from plan where code = p_code)
    on conflict (plan_code) do update set version = plan_version.version + 1, bumped_by = excluded.bumped_by
        where plan_version.bumped_by <> excluded.bumped_by;
$$;

create function plan_version_on_task() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.plan_code is not null then
        perform bump_plan_version(old.plan_code);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.plan_code is not null
            and (tg_op = 'INSERT' or new.plan_code is distinct from old.plan_code) then
        perform bump_plan_version(new.plan_code);
    end if;
    return null;
end $$;

create function plan_version_on_indicator_row() returns trigger language plpgsql as $$
begin
    -- plan_item and indicator carry plan_code
    perform bump_plan_version(case when tg_op = 'DELETE' then old.plan_code else new.plan_code end);
    return null;
end $$;

create function plan_version_on_measurement() returns trigger language plpgsql as $$
begin
    perform bump_plan_version(i.plan_code) from indicator i
        where i.id = case when tg_op = 'DELETE' then old.indicator_id else new.indicator_id end;
    return null;
end $$;

create function plan_version_on_feedback_fact() returns trigger language plpgsql as $$
begin
    -- the ward's derived indicators depend on its facts (and on when its data starts)
    perform bump_plan_version(p.code) from plan p
        where p.ward = case when tg_op = 'DELETE' then old.ward else new.ward end order by p.code;
    return null;
end $$;

create constraint trigger task_occurrence_plan_version after insert or update or delete on task_occurrence
    deferrable initially deferred for each row execute function plan_version_on_task();
create constraint trigger plan_item_plan_version after insert or update or delete on plan_item
    deferrable initially deferred for each row execute function plan_version_on_indicator_row();
create constraint trigger indicator_plan_version after insert or update or delete on indicator
    deferrable initially deferred for each row execute function plan_version_on_indicator_row();
create constraint trigger measurement_plan_version after insert or update or delete on measurement
    deferrable initially deferred for each row execute function plan_version_on_measurement();
create constraint trigger feedback_fact_plan_version after insert or update or delete on feedback_fact
    deferrable initially deferred for each row execute function plan_version_on_feedback_fact();

insert into plan_version (plan_code, version, bumped_by) select code, 1, pg_current_xact_id() from plan;

