-- Released pgmq 1.5.1's text (it says 48 although the longest accepted name has 47 characters).
begin;
select plan(6);

select throws_ok(format('select pgmq.create(%L)', repeat('a', 48)),
  'P0001', 'queue name is too long, maximum length is 48 characters', 'create rejects 48 characters');
select throws_ok(format('select pgmq.create_unlogged(%L)', repeat('u', 48)),
  'P0001', 'queue name is too long, maximum length is 48 characters', 'create_unlogged rejects 48 characters');
select throws_ok(format('select pgmq.validate_queue_name(%L)', repeat('v', 60)),
  'P0001', 'queue name is too long, maximum length is 48 characters', 'validate_queue_name rejects 60 characters');

select lives_ok(format('select pgmq.create(%L)', repeat('a', 47)), 'create accepts 47 characters');
select has_table('pgmq', 'q_' || repeat('a', 47), 'the 47-character queue table exists');
select lives_ok($$select pgmq.validate_queue_name('short')$$, 'validate_queue_name accepts a short name');

select * from finish();
rollback;
