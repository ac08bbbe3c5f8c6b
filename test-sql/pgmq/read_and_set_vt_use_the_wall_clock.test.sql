-- now() is frozen at transaction start; visibility must follow clock_timestamp().
begin;
select plan(4);

select pgmq.create('wall_clock');
select pgmq.send('wall_clock', '{}');
select pg_sleep(0.3);

select ok((select vt >= now() + interval '0.3 seconds' from pgmq.read('wall_clock', 0, 1)),
          'read sets vt from the wall clock');
select ok((select vt >= now() + interval '0.3 seconds' from pgmq.set_vt('wall_clock', 1, 0)),
          'set_vt sets vt from the wall clock');
select pgmq.send('wall_clock', '{}', 1);
select pg_sleep(1.1);
select ok((select vt >= now() + interval '1.3 seconds' from pgmq.q_wall_clock where msg_id = 2),
          'send adds its delay to the wall clock');
select results_eq($$select msg_id from pgmq.read('wall_clock', 10, 5)$$, array[1::bigint, 2],
                  'read sees the delayed message once the wall clock passes its vt');

select * from finish();
rollback;
