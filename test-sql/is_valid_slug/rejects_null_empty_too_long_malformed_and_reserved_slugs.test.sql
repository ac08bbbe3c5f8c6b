begin;
select plan(9);

select is(pgflow.is_valid_slug(null), false, 'NULL is not a slug (false, never NULL)');
select is(pgflow.is_valid_slug(''), false, 'the empty string is not a slug');
select is(pgflow.is_valid_slug(repeat('a', 129)), false, '129 characters are too many');
select is(pgflow.is_valid_slug('test-slug'), false, 'hyphens are not allowed');
select is(pgflow.is_valid_slug('test slug'), false, 'spaces are not allowed');
select is(pgflow.is_valid_slug('test.slug'), false, 'dots are not allowed');
select is(pgflow.is_valid_slug('123test'), false, 'a slug cannot start with a digit');
select is(pgflow.is_valid_slug('run'), false, 'run is reserved');
select is(pgflow.is_valid_slug('héllo'), false, 'only ASCII letters are allowed');

select * from finish();
rollback;
