begin;
select plan(7);

select is(pgflow.is_valid_slug('valid'), true, 'lowercase letters');
select is(pgflow.is_valid_slug('valid_slug'), true, 'underscores');
select is(pgflow.is_valid_slug('valid123'), true, 'digits after the first character');
select is(pgflow.is_valid_slug('validSlug'), true, 'mixed case');
select is(pgflow.is_valid_slug('_private'), true, 'a leading underscore');
select is(pgflow.is_valid_slug('Run'), true, 'only the exact lowercase run is reserved');
select is(pgflow.is_valid_slug(repeat('a', 128)), true, '128 characters are allowed');

select * from finish();
rollback;
