import type { Db } from "@/db/client";
import { retryVictims } from "@/db/transaction";
import { groupCalls } from "@/server/batching/group-calls";
import { CONTINUE_OR_CLOSE } from "./commit-call-sql";
import { rawStatement } from "./raw-statement";

/**
 * One call's outcome that continues its run on its own job row (with `lease`) or ends the
 * run (with `status` and `output`): commit-call-sql.ts, CONTINUE_OR_CLOSE.
 */
export interface TCommit {
  job: number;
  run: string;
  depth: number;
  steps: Record<string, unknown>;
  stack: string[];
  die: boolean;
  log: Record<string, unknown>[];
  at: string;
  lease: string | null;
  status: string | null;
  output: unknown;
}

/** Calls written in one statement at most; more wait for the next. */
const MAX_BATCH = 64;

/**
 * Writes calls as a database's group commit does (server/batching/group-calls.ts): a call
 * goes at once when no statement of this worker's is being written, and the calls that
 * finish meanwhile gather for the next one. A batch shares one statement and one commit (its
 * plan set-up, its WAL flush, its round trip), the larger part of a call's PostgreSQL cost
 * (docs/benchmarks.md, "workflows"). Each call's promise says whether its write applied, as
 * a statement of its own would: a run moved on or a lease lost fails only its own call. If a
 * batch fails as a whole, groupCalls writes its calls one by one, so a write that cannot
 * succeed fails alone.
 */
export function commitTogether(db: Db, workerId: string): (item: TCommit) => Promise<boolean> {
  const grouped = groupCalls<TCommit, boolean>({
    inFlight: () => 1,
    max: MAX_BATCH,
    distinctKey: (item) => item.run,
    run: async (_lane, items) => {
      const rows = await retryVictims(() => rawStatement<{ id: string }>(db, CONTINUE_OR_CLOSE, [JSON.stringify(items), workerId]));
      const applied = new Set(rows.map((r) => r.id));
      return items.map((item) => ({ value: applied.has(item.run) }));
    },
  });
  return (item) => grouped(workerId, item);
}
