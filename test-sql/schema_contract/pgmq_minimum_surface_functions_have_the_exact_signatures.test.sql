-- pgmq.md "Minimum surface" and §2.1, §1.1, §2.9: every pgmq function pgflow, its workers, its tests
-- and the Elixir port call exists with the exact parameter names, types, defaults and return type;
-- each of these names has exactly the 1.5.1 overload set (so no extra overload can make a call
-- ambiguous: no defaults on send/send_batch/archive/delete, no timestamptz read/read_with_poll,
-- one pop); every pgmq function is SECURITY INVOKER without a pinned search_path. The optional
-- notify pair (§2.9), which only our layer has: pgmq_notify_functions_have_the_exact_signatures.
begin;
select plan(20);

create temporary table expected_function (ord serial, identity text, args text, result text) on commit drop;
insert into expected_function (identity, args, result) values
  ('pgmq.create(text)',                       'queue_name text', 'void'),
  ('pgmq.list_queues()',                      '', 'SETOF pgmq.queue_record'),
  ('pgmq.drop_queue(text)',                   'queue_name text', 'boolean'),
  ('pgmq.send(text,jsonb)',                   'queue_name text, msg jsonb', 'SETOF bigint'),
  ('pgmq.send(text,jsonb,jsonb)',             'queue_name text, msg jsonb, headers jsonb', 'SETOF bigint'),
  ('pgmq.send_batch(text,jsonb[])',           'queue_name text, msgs jsonb[]', 'SETOF bigint'),
  ('pgmq.send_batch(text,jsonb[],integer)',   'queue_name text, msgs jsonb[], delay integer', 'SETOF bigint'),
  ('pgmq.read(text,integer,integer,jsonb)',   'queue_name text, vt integer, qty integer, conditional jsonb DEFAULT ''{}''::jsonb', 'SETOF pgmq.message_record'),
  ('pgmq.read_with_poll(text,integer,integer,integer,integer,jsonb)',
                                              'queue_name text, vt integer, qty integer, max_poll_seconds integer DEFAULT 5, poll_interval_ms integer DEFAULT 100, conditional jsonb DEFAULT ''{}''::jsonb', 'SETOF pgmq.message_record'),
  ('pgmq.set_vt(text,bigint,integer)',        'queue_name text, msg_id bigint, vt integer', 'SETOF pgmq.message_record'),
  ('pgmq.archive(text,bigint)',               'queue_name text, msg_id bigint', 'boolean'),
  ('pgmq.archive(text,bigint[])',             'queue_name text, msg_ids bigint[]', 'SETOF bigint'),
  ('pgmq.delete(text,bigint)',                'queue_name text, msg_id bigint', 'boolean'),
  ('pgmq.delete(text,bigint[])',              'queue_name text, msg_ids bigint[]', 'SETOF bigint'),
  ('pgmq.purge_queue(text)',                  'queue_name text', 'bigint'),
  ('pgmq.metrics(text)',                      'queue_name text', 'pgmq.metrics_result'),
  ('pgmq.format_table_name(text,text)',       'queue_name text, prefix text', 'text');

select is(
  (select format('(%s) -> %s', pg_get_function_arguments(to_regprocedure(e.identity)), pg_get_function_result(to_regprocedure(e.identity)))),
  format('(%s) -> %s', e.args, e.result),
  format('%s: exact parameter names, types, defaults and return type', e.identity)
)
from expected_function e
order by e.ord;

-- Exact overload sets (pgmq 1.5.1, §2.1) of every name of the minimum surface that is overloaded or
-- could be: any extra member here is a potential "function ... is not unique".
select results_eq(
  $$select p.proname::text collate "default", array_agg(pg_get_function_identity_arguments(p.oid) order by pg_get_function_identity_arguments(p.oid))
      from pg_proc p
     where p.pronamespace = 'pgmq'::regnamespace
       and p.proname in ('send', 'send_batch', 'read', 'read_with_poll', 'pop', 'set_vt', 'archive', 'delete',
                         'drop_queue', 'create', 'metrics')
     group by p.proname
     order by 1$$,
  $$values
    ('archive',               array['queue_name text, msg_id bigint', 'queue_name text, msg_ids bigint[]']),
    ('create',                array['queue_name text']),
    ('delete',                array['queue_name text, msg_id bigint', 'queue_name text, msg_ids bigint[]']),
    ('drop_queue',            array['queue_name text', 'queue_name text, partitioned boolean']),
    ('metrics',               array['queue_name text']),
    ('pop',                   array['queue_name text']),
    ('read',                  array['queue_name text, vt integer, qty integer, conditional jsonb']),
    ('read_with_poll',        array['queue_name text, vt integer, qty integer, max_poll_seconds integer, poll_interval_ms integer, conditional jsonb']),
    ('send',                  array['queue_name text, msg jsonb', 'queue_name text, msg jsonb, delay integer',
                                    'queue_name text, msg jsonb, delay timestamp with time zone', 'queue_name text, msg jsonb, headers jsonb',
                                    'queue_name text, msg jsonb, headers jsonb, delay integer',
                                    'queue_name text, msg jsonb, headers jsonb, delay timestamp with time zone']),
    ('send_batch',            array['queue_name text, msgs jsonb[]', 'queue_name text, msgs jsonb[], delay integer',
                                    'queue_name text, msgs jsonb[], delay timestamp with time zone', 'queue_name text, msgs jsonb[], headers jsonb[]',
                                    'queue_name text, msgs jsonb[], headers jsonb[], delay integer',
                                    'queue_name text, msgs jsonb[], headers jsonb[], delay timestamp with time zone']),
    ('set_vt',                array['queue_name text, msg_id bigint, vt integer'])$$,
  'each name has exactly its pgmq 1.5.1 overload set (one pop, no timestamptz read)'
);

select is_empty(
  $$select p.oid::regprocedure from pg_proc p
     where p.pronamespace = 'pgmq'::regnamespace and p.proname in ('send', 'send_batch', 'archive', 'delete', 'drop_queue')
       and p.pronargdefaults > 0$$,
  'send, send_batch, archive, delete and drop_queue overloads have no defaults'
);

select is_empty(
  $$select p.oid::regprocedure from pg_proc p
     where p.pronamespace = 'pgmq'::regnamespace and (p.prosecdef or p.proconfig is not null)$$,
  'every pgmq function is SECURITY INVOKER and sets no search_path (§1.1)'
);

select * from finish();
rollback;
