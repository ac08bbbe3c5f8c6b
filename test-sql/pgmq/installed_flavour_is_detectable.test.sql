-- Others tell the flavours apart with: select extversion from pg_extension where extname = 'pgmq'.
begin;
select plan(2);

select ok(
  case when exists (select from pg_extension where extname = 'pgmq')
       then (select string_to_array(substring(extversion, '^\d+(?:\.\d+)*'), '.')::int[] >= array[1, 5, 1]
             from pg_extension where extname = 'pgmq')
       else obj_description('pgmq'::regnamespace, 'pg_namespace') like 'pgmq-compatible SQL install%'
  end,
  'either the pgmq extension >= 1.5.1 or the compatible layer, which marks schema pgmq');
select ok(
  exists (select from pg_extension where extname = 'pgmq')
  or not exists (select from pg_depend d join pg_proc p on d.classid = 'pg_proc'::regclass and d.objid = p.oid
                 where p.pronamespace = 'pgmq'::regnamespace and d.deptype = 'e'),
  'the compatible layer registers no extension members');

select * from finish();
rollback;
