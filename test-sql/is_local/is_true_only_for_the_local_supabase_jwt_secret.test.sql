begin;
select plan(4);

select set_config('app.settings.jwt_secret', '', true);
select is(pgflow.is_local(), false, 'an empty secret is not local');

select set_config('app.settings.jwt_secret', 'some-production-secret', true);
select is(pgflow.is_local(), false, 'any other secret is not local');

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long', true);
select is(pgflow.is_local(), true, 'the Supabase CLI secret is local');

select set_config('app.settings.jwt_secret', 'super-secret-jwt-token-with-at-least-32-characters-long ', true);
select is(pgflow.is_local(), false, 'the comparison is exact');

select * from finish();
rollback;
