begin;
select plan(5);

select throws_ok($$select pgmq.format_table_name('dollar$sign', 'q')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', '$ is rejected');
select throws_ok($$select pgmq.format_table_name('semi;colon', 'q')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', '; is rejected');
select throws_ok($$select pgmq.format_table_name('double--dash', 'q')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', '-- is rejected');
select throws_ok($$select pgmq.format_table_name('single''quote', 'q')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'a single quote is rejected');
select is(pgmq.format_table_name('single-dash', 'q'), 'q_single-dash', 'a single dash is fine');

select * from finish();
rollback;
