begin;
select plan(3);

select set_config('pgflow.max_requeues', 'three', true);
select throws_ok(
  $$ select pgflow.requeue_stalled_tasks() $$,
  '22023',
  'pgflow.max_requeues must be a non-negative integer, got "three"',
  'a non-number is rejected with the setting named'
);

select set_config('pgflow.max_requeues', '-1', true);
select throws_ok(
  $$ select pgflow.requeue_stalled_tasks() $$,
  '22023',
  'pgflow.max_requeues must be a non-negative integer, got "-1"',
  'a negative number is rejected'
);

select set_config('pgflow.max_requeues', ' 5 ', true);
select lives_ok($$ select pgflow.requeue_stalled_tasks() $$, 'surrounding spaces are accepted');

select finish();
rollback;
