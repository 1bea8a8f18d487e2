// A second OS process running an embedded executor on the same PostgreSQL database, for
// the two-process test. Runs until its stdin closes.
import { Inngest } from "inngest";
import { openPostgres } from "@/db/client";
import { embeddedClientOptions } from "../../client";
import { inProcessInvoker } from "../call-function";
import { serveEmbedded } from "../serve-embedded";
import { embeddedSigningKey } from "../signing";
import { EmbeddedExecutor } from "../executor";
import { sharedFunctions } from "./shared-functions";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

async function main() {
  const appId = process.env.WORKER_APP_ID!;
  const handle = await openPostgres(process.env.DATABASE_URL!);
  const inngest = new Inngest({ ...embeddedClientOptions(appId, () => null), logger: quiet, internalLogger: quiet });
  const functions = sharedFunctions(inngest, handle.db);
  const handler = serveEmbedded({ client: inngest, functions, signingKey: embeddedSigningKey });
  const executor = new EmbeddedExecutor({ db: handle.db, functions, appId, invoke: inProcessInvoker(handler), workerId: `child-${process.pid}`, pollMs: 20, parallelism: 4 });
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
