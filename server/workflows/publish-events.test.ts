import { beforeAll, describe, expect, it, vi } from "vitest";
import { eventIsHeard, inngest, publishEvents } from "./client";
import { createAppExecutor } from "./embedded/start-embedded";
import { messageEvent } from "./events";

let executor: Awaited<ReturnType<typeof createAppExecutor>>;
beforeAll(async () => {
  executor = await createAppExecutor(); // not started: only the hand-over is checked
});

describe("publishEvents, embedded", () => {
  it("hands the events to this process's executor as plain events, not through the SDK's fetch", async () => {
    const viaSdk = vi.spyOn(inngest, "send");
    const toExecutor = vi.spyOn(executor, "send");
    try {
      const data = { workspaceId: crypto.randomUUID(), messageId: crypto.randomUUID(), profileId: null, type: "sent", kind: "email", sourceType: "campaign", sourceId: "c1", stepId: "send" };
      const ids = await publishEvents([messageEvent.create(data, { id: "publish-test-1" }), { name: "test/plain", data: { n: 1 } }]);
      expect(viaSdk).not.toHaveBeenCalled();
      expect(toExecutor).toHaveBeenCalledTimes(1);
      expect(toExecutor.mock.calls[0]![0]).toEqual([
        { name: "parcours/message.event", data, id: "publish-test-1" },
        { name: "test/plain", data: { n: 1 } },
      ]);
      expect(ids).toEqual(["publish-test-1", expect.any(String)]);
    } finally {
      viaSdk.mockRestore();
      toExecutor.mockRestore();
    }
  });

  it("checks an event's schema before it reaches the executor", async () => {
    const toExecutor = vi.spyOn(executor, "send");
    try {
      const bad = { workspaceId: "not-a-uuid", messageId: crypto.randomUUID(), profileId: null, type: "sent", kind: "email", sourceType: "campaign", sourceId: "c1", stepId: "send" };
      await expect(publishEvents(messageEvent.create(bad))).rejects.toThrow(/workspaceId/);
      expect(toExecutor).not.toHaveBeenCalled();
    } finally {
      toExecutor.mockRestore();
    }
  });

  it("tells publishers which events the executor would act on", async () => {
    expect(await eventIsHeard("parcours/campaign.execution.requested")).toBe(true); // a function starts on it
    expect(await eventIsHeard("test/nobody-listens")).toBe(false);
    expect(await eventIsHeard(messageEvent.name)).toBe(false); // until a run waits for a reaction
  });
});
