import os from "node:os";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { EmbeddedExecutor } from "@/server/workflows/embedded/executor";
import { openBenchDatabase, type TBenchDatabase } from "./workflows/bench-database";
import { measureCpu, round, type TCpuFigures } from "./workflows/cpu-meter";
import { expectResolved, openWaits } from "./workflows-waits-setup";

const POOL = 10;
const SENDERS = 8;
const ROUND = 100; // resolving events per round; a round's resolved waits are replaced before the next
const BATCH = 25; // events per intake in the batched mode (the app sends events in batches)
const ROUNDS = Number(process.env.BENCH_WAIT_ROUNDS ?? 20);
const LARGE = Number(process.env.BENCH_WAITS ?? 100_000);

/**
 * Event intake with open waits on PostgreSQL: each event resolves the wait of its profile, among
 * 100 or 100,000 open waits filed by key (the same events, measured in the same run, rounds
 * alternated), and the scan the old code did for every event (waits matched by scan) as a baseline.
 */
export async function run() {
  const database = await openBenchDatabase(POOL);
  try {
    const executor = new EmbeddedExecutor({ db: database.db, functions: [], appId: "bench", invoke: () => Promise.reject(new Error("no calls in this bench")) });
    const phase = (name: string, waits: number, batch: number) => ({ name, waits, batch, next: 0, cpu: [] as TCpuFigures[] });
    const small = phase("bench/paid-small", 100, 1);
    const large = phase("bench/paid-large", LARGE, 1);
    const smallBatched = phase("bench/paid-small-batched", 100, BATCH);
    const largeBatched = phase("bench/paid-large-batched", LARGE, BATCH);
    const phases = [small, large, smallBatched, largeBatched];
    for (const p of phases) p.next = await openWaits(database.db, p.name, 0, p.waits, "keyed");
    await warmPool(database.db);
    await intake(database, executor, small.name, 0, ROUND, 1); // warm-up, not counted
    small.next = await openWaits(database.db, small.name, small.next, ROUND, "keyed");
    for (let r = 0; r < ROUNDS; r++) {
      for (const p of phases) {
        const first = p.next - p.waits; // the oldest open waits
        p.cpu.push(await intake(database, executor, p.name, first, ROUND, p.batch));
        p.next = await openWaits(database.db, p.name, p.next, ROUND, "keyed");
      }
    }
    const baseline: Record<string, unknown> = {};
    for (const waits of [2_000, 8_000]) {
      const name = `bench/paid-scan-${waits}`;
      await openWaits(database.db, name, 0, waits, "scan");
      baseline[`scan_${waits}_waits`] = perEvent([await intake(database, executor, name, 0, ROUND, 1)], ROUND);
    }
    const n = ROUND * ROUNDS;
    await expectResolved(database.db, { [small.name]: n + ROUND, [large.name]: n, [smallBatched.name]: n, [largeBatched.name]: n, "bench/paid-scan-2000": ROUND, "bench/paid-scan-8000": ROUND });
    const ratio = (a: ReturnType<typeof perEvent>, b: ReturnType<typeof perEvent>) => round((a.node_cpu_ms + a.pg_cpu_ms) / (b.node_cpu_ms + b.pg_cpu_ms), 2);
    const figures = (s: TPhase, l: TPhase) => {
      const [fs, fl] = [perEvent(s.cpu, n), perEvent(l.cpu, n)];
      return { "100_waits": fs, [`${LARGE}_waits`]: fl, large_over_small_cpu: ratio(fl, fs) };
    };
    return {
      // The machine is shared: wall-clock rates fall with its load, CPU per event much less.
      load_average_1m: round(os.loadavg()[0]!, 1),
      resolving_events_per_case: n,
      concurrent_intakes: SENDERS,
      one_event_per_intake: figures(small, large),
      [`${BATCH}_events_per_intake`]: figures(smallBatched, largeBatched),
      baseline_old_scan_one_event_per_intake: baseline,
    };
  } finally {
    await database.close();
  }
}

/** Sends `count` events (those of profiles `first`, `first + 1`, …) from SENDERS concurrent senders, `batch` events per intake. */
async function intake(database: TBenchDatabase, executor: EmbeddedExecutor, name: string, first: number, count: number, batch: number): Promise<TCpuFigures> {
  let next = first;
  const event = (i: number) => ({ name, data: { profileId: `p${i}`, kind: "order" } });
  const figures = await measureCpu(database, async () => {
    const sender = async () => {
      while (next < first + count) {
        const from = next;
        next = Math.min(first + count, next + batch);
        await executor.send(Array.from({ length: next - from }, (_, i) => event(from + i)));
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
  });
  return figures;
}

type TPhase = { cpu: TCpuFigures[] };

function perEvent(cpu: TCpuFigures[], events: number) {
  const sum = (k: keyof TCpuFigures) => cpu.reduce((s, c) => s + c[k], 0);
  return {
    node_cpu_ms: round((sum("node_cpu_s") * 1000) / events, 3),
    pg_cpu_ms: round((sum("pg_cpu_s") * 1000) / events, 3),
    events_per_s: round(events / sum("wall_s"), 0),
  };
}

async function warmPool(db: Db) {
  await Promise.all(Array.from({ length: POOL }, () => db.execute(sql`select pg_sleep(0.05)`)));
}
