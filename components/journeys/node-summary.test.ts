import { describe, expect, it } from "vitest";
import type { TJourneyNode } from "@/server/journeys/graph/model";
import { defaultData } from "./node-defaults";
import { summaryOf, titleOf, type TNameLookups } from "./node-summary";

const message: TJourneyNode = { id: "m", type: "message", position: { x: 0, y: 0 }, data: { kind: "email", content: { subject: "Welcome" } } };
const names: TNameLookups = {
  audience: (id) => ({ a1: "Seattle fans", l1: "VIP" })[id],
  definition: (id) => (id === "d1" ? "purchase" : undefined),
  kind: (id) => ({ email: "Email", push: "Push" })[id],
  node: (id) => (id === "m" ? message : undefined),
};
const node = (type: TJourneyNode["type"], data: Record<string, unknown>, label?: string): TJourneyNode => ({ id: "x", type, label, position: { x: 0, y: 0 }, data });

describe("node summaries", () => {
  it("says what each node does, or what is missing", () => {
    expect(summaryOf(message, names)).toBe("Email · Subject: Welcome");
    expect(summaryOf(node("entry_audience", { audienceId: "a1" }), names)).toBe("Audience · Seattle fans");
    expect(summaryOf(node("entry_audience", defaultData("entry_audience")), names)).toBe("Choose an audience");
    expect(summaryOf(node("reaction", { messageNodeId: "m", reaction: "opened", timeout: { amount: 1, unit: "days" } }), names)).toBe("Opened “Email message” within 1 day");
    expect(summaryOf(node("wait_event", { definitionId: "d1", timeout: { amount: 3, unit: "days" } }), names)).toBe("purchase within 3 days");
    expect(summaryOf(node("wait", { mode: "time_of_day", time: "09:00" }), names)).toBe("Until 09:00 in the profile's zone");
    expect(summaryOf(node("list", { action: "remove", listId: "l1" }), names)).toBe("Remove from VIP");
    expect(summaryOf(node("random", defaultData("random")), names)).toBe("50% / 50%");
    expect(summaryOf(node("condition", defaultData("condition")), names)).toBe("1 branch + all others");
    expect(summaryOf(node("webhook", { url: "https://api.example.com/hook", method: "PUT" }), names)).toBe("PUT api.example.com/hook");
  });

  it("titles a node by its label, else its type or channel", () => {
    expect(titleOf(message, names)).toBe("Email message");
    expect(titleOf(node("wait", {}, "Cool down"), names)).toBe("Cool down");
    expect(titleOf(node("wait_event", {}), names)).toBe("Wait for event");
  });
});
