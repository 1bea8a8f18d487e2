import { Inngest, type InngestFunction } from "inngest";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { embeddedClientOptions } from "@/server/workflows/client";
import type { TInvoker } from "@/server/workflows/embedded/call-function";
import { inProcessInvoker } from "@/server/workflows/embedded/in-process-handler";
import { quietLogger as quiet } from "@/server/workflows/embedded/testing/quiet-logger";
import { EmbeddedExecutor } from "@/server/workflows/embedded/executor";

/** The bench's client and functions, invoked the way the app invokes its own. */
export function benchApp(appId: string, functions: (inngest: Inngest.Any) => InngestFunction.Any[]) {
  let executor: EmbeddedExecutor | null = null;
  const inngest = new Inngest({ ...embeddedClientOptions(appId, () => (e) => executor!.send(e)), logger: quiet, internalLogger: quiet });
  const fns = functions(inngest);
  const invoke = inProcessInvoker({ client: inngest, functions: fns });
  let calls = 0;
  let completions = 0;
  const counted: TInvoker = async (query, body) => {
    calls++;
    const reply = await invoke(query, body);
    if (reply.status === 200) completions++;
    return reply;
  };
  return {
    invoke,
    calls: () => calls,
    /** Calls answered 200: runs whose function returned (each once, unless its commit is lost and the call repeated). */
    completions: () => completions,
    executor(db: Db, options: { parallelism: number; pollMs?: number }) {
      executor = new EmbeddedExecutor({ db, functions: fns, appId, invoke: counted, parallelism: options.parallelism, pollMs: options.pollMs ?? 50 });
      return executor;
    },
  };
}

/** Resolves when `count()` reaches `n`, looking every 10 ms in this process (no query on the database measured); false on timeout. */
export async function counted(count: () => number, n: number, timeoutMs: number): Promise<boolean> {
  for (const t0 = Date.now(); count() < n; await new Promise((r) => setTimeout(r, 10))) if (Date.now() - t0 > timeoutMs) return false;
  return true;
}

/** Resolves when `n` runs of the function have ended, polling every `pollMs`; false on timeout. */
export async function runsEnded(db: Db, fnId: string, n: number, timeoutMs: number, pollMs = 200): Promise<boolean> {
  const t0 = Date.now();
  for (;;) {
    const [row] = (await db.execute(sql`select count(*)::int as n from wf_runs where fn_id = ${fnId} and status <> 'running'`)) as unknown as { n: number }[];
    if ((row?.n ?? 0) >= n) return true;
    if (Date.now() - t0 > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
