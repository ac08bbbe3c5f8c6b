begin;
select plan(6);

select pgmq.create('archive_many');
select pgmq.send_batch('archive_many', array['{"n": 1}', '{"n": 2}', '{"n": 3}', '{"n": 4}', '{"n": 5}']::jsonb[]);
select pgmq.delete('archive_many', 3);

select results_eq($$select * from pgmq.archive('archive_many', array[1, 2, 3, -3]::bigint[])$$, array[1::bigint, 2],
                  'unknown ids are skipped and the output column is named archive');
select results_eq($$select msg_id from pgmq.a_archive_many order by msg_id$$, array[1::bigint, 2], 'the rows are archived');
select is_empty($$select * from pgmq.archive('archive_many', array[]::bigint[])$$, 'an empty array archives nothing');
select is_empty($$select * from pgmq.archive('archive_many', null::bigint[])$$, 'a NULL array archives nothing');

-- pgflow's pattern: the set-returning archive beside aggregates, grouped per queue, under PERFORM.
create temporary table tasks (flow_slug text, message_id bigint);
insert into tasks values ('archive_many', 4), ('archive_many', 5);
select results_eq(
  $$select pgmq.archive(t.flow_slug, array_agg(t.message_id order by t.message_id)) from tasks t
    group by t.flow_slug having count(*) > 0$$,
  array[4::bigint, 5], 'archive works in a select list with aggregates');
select pgmq.send('archive_many', '{"n": 6}');
do $$ begin perform pgmq.archive(queue_name => 'archive_many', msg_ids => array[6]::bigint[]); end $$;
select is_empty($$select * from pgmq.q_archive_many$$, 'and under PERFORM with named arguments');

select * from finish();
rollback;
