// One typed wrapper per pgmq.* function we call. Arguments are cast explicitly: pgmq >= 1.12 has
// overloads that make untyped calls ambiguous (defect 36).
import type { SqlClient, SqlExecutor } from './port';

/** A row of `pgmq.message_record`. */
export interface MessageRow {
  msg_id: number;
  read_ct: number;
  enqueued_at: string;
  vt: string;
  message: unknown;
  headers: unknown;
}

export async function read(
  db: SqlExecutor,
  queue: string,
  vt: number,
  qty: number,
): Promise<MessageRow[]> {
  return db.query<MessageRow>(
    'select * from pgmq.read(queue_name => $1::text, vt => $2::integer, qty => $3::integer)',
    [queue, vt, qty],
  );
}

export async function send(
  db: SqlExecutor,
  queue: string,
  message: unknown,
  delay = 0,
): Promise<number> {
  const [row] = await db.query<{ send: number }>(
    'select * from pgmq.send(queue_name => $1::text, msg => $2::text::jsonb, delay => $3::integer)',
    [queue, JSON.stringify(message ?? null), delay],
  );
  return Number(row?.send);
}

export async function setVt(
  db: SqlExecutor,
  queue: string,
  msgId: number,
  vt: number,
): Promise<void> {
  await db.query(
    'select pgmq.set_vt(queue_name => $1::text, msg_id => $2::bigint, vt => $3::integer)',
    [queue, msgId, vt],
  );
}

export async function archive(db: SqlExecutor, queue: string, msgId: number): Promise<void> {
  await db.query('select pgmq.archive(queue_name => $1::text, msg_id => $2::bigint)', [
    queue,
    msgId,
  ]);
}

/**
 * Creates `queue` unless it exists. Callers are serialised on create_flow's advisory lock for the
 * name: pgmq 1.5.1's create fails with a duplicate key when two workers start together.
 */
export async function createQueue(db: SqlClient, queue: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock(1, hashtext(lower($1::text)))', [queue]);
    await tx.query(
      `select pgmq.create(queue_name => $1::text)
        where not exists (select 1 from pgmq.list_queues() as q where q.queue_name = $1::text)`,
      [queue],
    );
  });
}

/**
 * The channel an insert into `queue` notifies (pgflow.enable_insert_notifications; pgmq 1.13.1 and
 * our layer use the same name).
 */
export function insertChannel(queue: string): string {
  return `pgmq.q_${queue}.INSERT`;
}
