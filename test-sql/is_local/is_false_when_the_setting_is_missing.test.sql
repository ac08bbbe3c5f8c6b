begin;
select plan(2);

-- A setting that was never defined in this session reads as NULL with missing_ok.
select is(current_setting('app.settings.jwt_secret', true), null, 'the setting is not defined');
select is(pgflow.is_local(), false, 'a missing setting gives false, not NULL');

select * from finish();
rollback;
