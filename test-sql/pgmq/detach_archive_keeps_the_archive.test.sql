begin;
select plan(3);

select pgmq.create('detached');
select pgmq.send('detached', '{}');
select pgmq.archive('detached', 1);

select lives_ok($$select pgmq.detach_archive('detached')$$, 'detach_archive succeeds');
select results_eq($$select msg_id from pgmq.a_detached$$, array[1::bigint], 'the archive is unchanged');
select throws_ok($$select pgmq.detach_archive('bad;name')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'the name is still checked');

select * from finish();
rollback;
