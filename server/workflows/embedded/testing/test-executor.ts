import { Inngest, type InngestFunction } from "inngest";
import { getDb } from "@/db/client";
import { inProcessInvoker } from "../in-process-handler";
import { VirtualClock } from "../clock";
import { embeddedClientOptions } from "../../client";
import { EmbeddedExecutor } from "../executor";
import { quietLogger as quiet } from "./quiet-logger";
import { runsOf } from "./runs";

/**
 * A client, its functions and an embedded executor on a virtual clock, for tests. Build
 * the functions with the returned client: `harness.define((inngest) => [fn1, fn2])`.
 */
let harnesses = 0;

export function createTestHarness() {
  let executor: EmbeddedExecutor | null = null;
  // A fresh app id per harness keeps the runs of one test apart from the others'.
  const appId = `t${++harnesses}-${crypto.randomUUID().slice(0, 6)}`;
  // The app's embedded client options and in-process handler (the route's signature check has its own tests: endpoint.test.ts).
  const inngest = new Inngest({ ...embeddedClientOptions(appId, () => (executor ? (e) => executor!.send(e) : null)), logger: quiet, internalLogger: quiet });
  return {
    inngest,
    appId,
    runsOf: (fnId: string) => runsOf(`${appId}-${fnId}`),
    onlyRun: async (fnId: string) => {
      const runs = await runsOf(`${appId}-${fnId}`);
      if (runs.length !== 1) throw new Error(`expected one run of ${fnId}, found ${runs.length}`);
      return runs[0]!;
    },
    async start(functions: InngestFunction.Any[], options: { workerId?: string; leaseMs?: number; heartbeatMs?: number; start?: Date } = {}) {
      executor = new EmbeddedExecutor({
        db: await getDb(),
        functions,
        appId,
        invoke: inProcessInvoker({ client: inngest, functions }),
        clock: new VirtualClock(options.start ?? new Date("2026-03-02T08:00:00Z")),
        backoff: () => 1000,
        workerId: options.workerId,
        leaseMs: options.leaseMs,
        heartbeatMs: options.heartbeatMs,
      });
      return executor;
    },
  };
}
