-- pgmq flavour: compat
-- pgmq.md §2.9 and §3.2 (Elixir port): the notify calls resolve to one function and run, with an
-- untyped literal and with the Elixir port's casts. Compat only: pgmq 1.5.1 has no
-- enable_notify_insert / disable_notify_insert.
begin;
select plan(4);
set local client_min_messages = warning;

select has_function('pgmq', 'enable_notify_insert', array['text', 'integer'], 'pgmq.enable_notify_insert(text, integer) exists');

select pgmq.create('sc_resolve');
select lives_ok($$select pgmq.enable_notify_insert('sc_resolve')$$, 'enable_notify_insert(''q'') resolves (exactly one function)');
select lives_ok($$select pgmq.enable_notify_insert('sc_resolve'::text, 250::integer)$$, 'enable_notify_insert($1::text, $2::integer) resolves (Elixir port)');
select lives_ok($$select pgmq.disable_notify_insert('sc_resolve')$$, 'disable_notify_insert(''q'') resolves');

select * from finish();
rollback;
