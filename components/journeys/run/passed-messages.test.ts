import { describe, expect, it } from "vitest";
import type { TJourneyNode } from "@/server/journeys/graph/model";
import { passedMessages } from "./passed-messages";

const at = { x: 0, y: 0 };
const nodes: TJourneyNode[] = [
  { id: "entry", type: "entry_audience", position: at, data: {} },
  { id: "offer", type: "message", label: "Offer", position: at, data: { kind: "email" } },
  { id: "wait", type: "wait", position: at, data: {} },
  { id: "nudge", type: "message", position: at, data: { kind: "sms" } },
];
const done = new Date();

describe("the messages a test run already got", () => {
  it("lists finished message steps in path order, skipping other steps and the one still running", () => {
    const steps = [{ nodeId: "entry", finishedAt: done }, { nodeId: "offer", finishedAt: done }, { nodeId: "wait", finishedAt: done }, { nodeId: "nudge", finishedAt: null }];
    expect(passedMessages(steps, nodes).map((n) => n.id)).toEqual(["offer"]);
    steps[3]!.finishedAt = done;
    expect(passedMessages(steps, nodes).map((n) => n.id)).toEqual(["offer", "nudge"]);
  });

  it("leaves out the message the current step already offers reactions for, and steps of another graph", () => {
    const steps = [{ nodeId: "offer", finishedAt: done }, { nodeId: "gone", finishedAt: done }];
    expect(passedMessages(steps, nodes, "offer")).toEqual([]);
  });
});
