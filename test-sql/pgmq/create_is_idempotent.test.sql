begin;
select plan(4);

select pgmq.create('twice');
select pgmq.send('twice', '{"n": 1}');

select lives_ok($$select pgmq.create('twice')$$, 'creating an existing queue succeeds');
select is((select count(*)::int from pgmq.meta where queue_name = 'twice'), 1, 'there is still one meta row');
select is((select count(*)::int from pgmq."q_twice"), 1, 'the queued message is kept');
select results_eq($$select * from pgmq.send('twice', '{"n": 2}')$$, array[2::bigint], 'ids continue');

select * from finish();
rollback;
