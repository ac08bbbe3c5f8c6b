begin;
select plan(5);

select pgmq.create('send_forms');

select pgmq.send('send_forms', '{"form": "headers"}', '{"h": 1}'::jsonb);
select pgmq.send('send_forms', '{"form": "delay int"}', 30);
select pgmq.send('send_forms', '{"form": "delay ts"}', '2100-01-01 00:00:00+00'::timestamptz);
select pgmq.send('send_forms', '{"form": "headers + delay int"}', '{"h": 4}'::jsonb, 30);
select pgmq.send('send_forms', '{"form": "headers + delay ts"}', '{"h": 5}'::jsonb, '2100-01-01 00:00:00+00'::timestamptz);

select results_eq($$select headers, vt <= clock_timestamp() from pgmq.q_send_forms where msg_id = 1$$,
                  $$values ('{"h": 1}'::jsonb, true)$$, 'send(q, msg, headers) is visible at once');
select results_eq($$select headers, vt between now() + interval '29 seconds' and clock_timestamp() + interval '30 seconds'
                    from pgmq.q_send_forms where msg_id = 2$$,
                  $$values (null::jsonb, true)$$, 'send(q, msg, delay integer) hides for delay seconds');
select results_eq($$select headers, vt from pgmq.q_send_forms where msg_id = 3$$,
                  $$values (null::jsonb, '2100-01-01 00:00:00+00'::timestamptz)$$, 'send(q, msg, delay timestamptz) sets vt');
select results_eq($$select headers, vt between now() + interval '29 seconds' and clock_timestamp() + interval '30 seconds'
                    from pgmq.q_send_forms where msg_id = 4$$,
                  $$values ('{"h": 4}'::jsonb, true)$$, 'send(q, msg, headers, delay integer)');
select results_eq($$select headers, vt from pgmq.q_send_forms where msg_id = 5$$,
                  $$values ('{"h": 5}'::jsonb, '2100-01-01 00:00:00+00'::timestamptz)$$, 'send(q, msg, headers, delay timestamptz)');

select * from finish();
rollback;
