// A second OS process running an embedded executor on the same PostgreSQL database, for
// the two-process test. Runs until its stdin closes.
import { Inngest } from "inngest";
import { openPostgres } from "@/db/client";
import { embeddedClientOptions } from "../../client";
import { inProcessInvoker } from "../in-process-handler";
import { EmbeddedExecutor } from "../executor";
import { quietLogger as quiet } from "./quiet-logger";
import { sharedFunctions } from "./shared-functions";

async function main() {
  const appId = process.env.WORKER_APP_ID!;
  const handle = await openPostgres(process.env.DATABASE_URL!);
  const inngest = new Inngest({ ...embeddedClientOptions(appId, () => null), logger: quiet, internalLogger: quiet });
  const functions = sharedFunctions(inngest, handle.db);
  const executor = new EmbeddedExecutor({ db: handle.db, functions, appId, invoke: inProcessInvoker({ client: inngest, functions }), workerId: `child-${process.pid}`, pollMs: 20, parallelism: 4 });
  executor.start();
  process.stdout.write("ready\n");
  process.stdin.resume();
  process.stdin.on("end", async () => {
    await executor.stop();
    await handle.close();
    process.exit(0);
  });
}

void main();
