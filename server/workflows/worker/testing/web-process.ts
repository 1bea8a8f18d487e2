// A web process with PARCOURS_EXECUTOR=off for the multi-process tests: the workflow part of
// the app's start-up (startWebExecutor, as instrumentation.ts runs it) without Next.js, then
// one command per stdin line, answered `done <n>` on stdout, through the code the web's own
// routes run: {"op": "activate", workspaceId, campaignId, user} calls the tRPC procedure;
// {"op": "batch", writeKey, calls} is a POST to the Segment batch endpoint's handler.
import { createInterface } from "node:readline";
import { ingestionRoute } from "@/server/ingestion/ingestion-route";
import { createCaller } from "@/server/trpc/root";
import { usePlainProcessEnv } from "../../embedded/plain-env";
import { startWebExecutor } from "../start-web-executor";

type TCommand =
  | { op: "activate"; workspaceId: string; campaignId: string; user: { id: string; email: string; name: string | null } }
  | { op: "batch"; writeKey: string; calls: unknown[] };

const batchRoute = ingestionRoute("batch");

async function run(command: TCommand): Promise<number> {
  if (command.op === "activate") {
    await createCaller({ user: command.user }).campaigns.activate({ workspaceId: command.workspaceId, campaignId: command.campaignId });
    return 1;
  }
  const authorization = `Basic ${Buffer.from(`${command.writeKey}:`).toString("base64")}`;
  const request = new Request("http://web.test/api/v1/batch", { method: "POST", headers: { authorization, "content-type": "application/json" }, body: JSON.stringify({ batch: command.calls }) });
  const response = await batchRoute(request, { params: Promise.resolve({}) });
  if (response.status !== 200) throw new Error(`batch answered ${response.status}: ${await response.text()}`);
  return command.calls.length;
}

async function main() {
  usePlainProcessEnv();
  await startWebExecutor();
  process.stdout.write("ready\n");
  for await (const line of createInterface({ input: process.stdin })) {
    const n = await run(JSON.parse(line) as TCommand);
    process.stdout.write(`done ${n}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
