begin;
select plan(4);
select pgflow_tests.reset_db();
select pgmq.create('mv');

select is(pgflow.ms_until_visible('mv'), null, 'an empty queue has nothing due');

select pgmq.send('mv', '{}'::jsonb, 30);
select ok(pgflow.ms_until_visible('mv') between 29000 and 30000, 'a message hidden for 30 s is due in 30 s');

select pgmq.send('mv', '{}'::jsonb, 5);
select ok(pgflow.ms_until_visible('mv') between 4000 and 5000, 'the earliest message counts');

select pgmq.send('mv', '{}'::jsonb);
select is(pgflow.ms_until_visible('mv'), 0::bigint, 'a visible message is due now');

select * from finish();
rollback;
