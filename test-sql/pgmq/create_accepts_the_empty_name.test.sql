-- pgmq quirk kept on purpose: the empty name passes both checks.
begin;
select plan(3);

select lives_ok($$select pgmq.create('')$$, 'create accepts the empty name');
select has_table('pgmq', 'q_', 'queue table q_');
select has_table('pgmq', 'a_', 'archive table a_');

select * from finish();
rollback;
