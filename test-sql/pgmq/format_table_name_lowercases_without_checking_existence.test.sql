begin;
select plan(5);

select is(pgmq.format_table_name('cat', 'q'), 'q_cat', 'q prefix');
select is(pgmq.format_table_name('cat-dog', 'a'), 'a_cat-dog', 'a prefix keeps hyphens');
select is(pgmq.format_table_name('cat_dog', 'q'), 'q_cat_dog', 'underscores');
select is(pgmq.format_table_name('MyFlow', 'q'), 'q_myflow', 'lower-cases the result');
select is(pgmq.format_table_name('never_created', 'q'), 'q_never_created', 'does not need the queue to exist');

select * from finish();
rollback;
