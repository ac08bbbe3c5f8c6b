begin;
select plan(4);

select throws_ok($$select pgmq.create('dollar$-signed')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'create rejects $');
select throws_ok(format('select pgmq.create(%L)', repeat('a', 60) || ';'),
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'the character check fires before the length check');
select throws_ok($$select pgmq.create_partitioned('dollar$-signed-part')$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'create_partitioned checks characters before pg_partman');
select throws_ok($$select pgmq.delete('abc where false; create table public.pwned(a int); --', 1)$$,
  'P0001', 'queue name contains invalid characters: $, ;, --, or \''', 'an injection attempt is rejected');

select * from finish();
rollback;
