begin;
select plan(2);

select pgmq.create('poll_now');
select pgmq.send_batch('poll_now', array['{}', '{}', '{}']::jsonb[]);

create temporary table started as select clock_timestamp() as at;
select results_eq($$select msg_id from pgmq.read_with_poll('poll_now', 10, 2)$$, array[1::bigint, 2],
                  'at most qty visible messages, in order');
select ok((select clock_timestamp() - at < interval '0.5 seconds' from started), 'without waiting');

select * from finish();
rollback;
