begin;
select plan(2);

select pgmq.create('poll_empty');

create temporary table started as select clock_timestamp() as at;
select is_empty($$select * from pgmq.read_with_poll('poll_empty', 10, 1, 1, 100)$$, 'an empty queue gives no rows');
select ok((select clock_timestamp() - at between interval '1 second' and interval '1.8 seconds' from started),
          'after max_poll_seconds');

select * from finish();
rollback;
