begin;
select plan(3);

select pgmq.create('poll_wait');
select pgmq.send('poll_wait', '{"hello": "world"}', 1);

create temporary table started as select clock_timestamp() as at;
select results_eq($$select msg_id, read_ct from pgmq.read_with_poll('poll_wait', 10, 1, 5, 100)$$,
                  $$values (1::bigint, 1)$$, 'the message arrives once its vt passes');
select ok((select clock_timestamp() - at between interval '0.8 seconds' and interval '2 seconds' from started),
          'after about one second of polling');
select ok((select vt > clock_timestamp() + interval '9 seconds' from pgmq.q_poll_wait),
          'vt is set at the successful attempt');

select * from finish();
rollback;
