-- pgmq quirk kept on purpose: meta is case-sensitive, table names are lower-cased.
begin;
select plan(3);

select pgmq.create('Foo');
select pgmq.create('foo');

select set_eq($$select queue_name::text from pgmq.list_queues()$$, array['Foo', 'foo'], 'two meta rows');
select pgmq.send('Foo', '{"from": "Foo"}');
select pgmq.send('foo', '{"from": "foo"}');
select results_eq($$select msg_id from pgmq.q_foo order by msg_id$$, array[1::bigint, 2], 'both send into pgmq.q_foo');
select hasnt_table('pgmq', 'q_Foo', 'there is no upper-case table');

select * from finish();
rollback;
