begin;
select plan(4);

select pgmq.create('monitored');

select ok(has_schema_privilege('pg_monitor', 'pgmq', 'usage'), 'pg_monitor may use schema pgmq');
select ok(has_table_privilege('pg_monitor', 'pgmq.meta', 'select'), 'and read meta');
select ok(has_table_privilege('pg_monitor', 'pgmq.q_monitored', 'select')
          and has_table_privilege('pg_monitor', 'pgmq.a_monitored', 'select'), 'and read queues created later');
select ok(has_sequence_privilege('pg_monitor', 'pgmq.q_monitored_msg_id_seq', 'select'), 'and their sequences');

select * from finish();
rollback;
