/**
 * CPU time spent by the database backends of one database and by this Node process. Wall-clock
 * rates swing by 3× when other work shares the machine; CPU time per unit of work hardly moves,
 * so it is the number to compare systems (and engine changes) on a busy box. Backends are read
 * from /proc (Linux, same host as PostgreSQL; otherwise the figures are reported as unknown).
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const TICK_MS = 10; // sysconf(_SC_CLK_TCK) is 100 on Linux

function backendTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

export interface CpuMeter {
  /** Database CPU ms and client CPU ms since `start`; database is NaN when /proc is unreadable. */
  stop(): Promise<{ dbMs: number; clientMs: number }>;
}

/** Starts metering; call again at the end with `stop()`. `dbUrl` names the measured database. */
export async function startCpuMeter(dbUrl: string): Promise<CpuMeter> {
  const database = new URL(dbUrl).pathname.slice(1);
  const url = new URL(dbUrl);
  url.pathname = '/postgres';
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const pids = async () =>
    (await sql`select pid from pg_stat_activity where datname = ${database}`).map((r) =>
      Number(r.pid),
    );
  const before = new Map<number, number>();
  for (const pid of await pids()) before.set(pid, backendTicks(pid) ?? 0);
  const client = process.cpuUsage();
  return {
    async stop() {
      const used = process.cpuUsage(client);
      let ticks = 0;
      let readable = true;
      for (const pid of await pids()) {
        const now = backendTicks(pid);
        if (now === undefined) readable = false;
        else ticks += now - (before.get(pid) ?? 0);
      }
      await sql.end();
      return {
        dbMs: readable ? ticks * TICK_MS : Number.NaN,
        clientMs: (used.user + used.system) / 1000,
      };
    },
  };
}
