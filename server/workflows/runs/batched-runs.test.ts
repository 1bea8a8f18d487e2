import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { createRun } from "../embedded/create-run";
import { createTestHarness } from "../embedded/testing/test-executor";
import type { TStoredEvent } from "../embedded/context";
import { listRuns } from "./list-runs";
import { getRun } from "./manage-run";

describe("a batched run on the Runs page", () => {
  it("is listed with its batch size, shows every event, and a rerun gets the same batch", async () => {
    const h = createTestHarness();
    const fn = h.inngest.createFunction({ id: "tally", triggers: [{ event: "test/tally" }], batchEvents: { maxSize: 3, timeout: "5s" } }, async ({ events }) => events.map((e) => e.data.n));
    const ex = await h.start([fn]);
    const workspaceId = crypto.randomUUID();
    await ex.send([1, 2, 3].map((n) => ({ name: "test/tally", data: { n, workspaceId } })));
    await ex.tick();
    const [run] = await h.runsOf("tally");
    const listed = (await listRuns(workspaceId, { fnId: run!.fnId })).runs;
    expect(listed).toEqual([expect.objectContaining({ id: run!.id, eventName: "test/tally", batchSize: 3 })]);
    const detail = await getRun(workspaceId, run!.id);
    expect(detail.events?.map((e) => (e as { data: { n: number } }).data.n)).toEqual([1, 2, 3]);

    const db = await getDb();
    await db.transaction((tx) => createRun(tx, ex.ctx.registry.get(run!.fnId)!, detail.event as unknown as TStoredEvent, ex.clock.now(), detail.events));
    await ex.drain();
    expect((await h.runsOf("tally")).map((r) => r.output)).toEqual([[1, 2, 3], [1, 2, 3]]);
  });
});
