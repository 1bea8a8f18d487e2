import { describe, expect, it } from "vitest";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { validateGraph } from "@/server/journeys/graph/validate-graph";
import { defaultData } from "./node-defaults";
import { describeErrors, errorsOfNode } from "./node-errors";

describe("a node's errors", () => {
  it("splits field errors (for the form) from the rest (for the panel)", () => {
    const graph: TJourneyGraph = {
      nodes: [
        { id: "e", type: "entry_audience", position: { x: 0, y: 0 }, data: defaultData("entry_audience") },
        { id: "w", type: "wait_event", label: "Buy", position: { x: 0, y: 0 }, data: { ...defaultData("wait_event"), timeout: { amount: 0, unit: "days" } } },
      ],
      edges: [{ id: "x", source: "e", sourceHandle: "next", target: "w" }],
    };
    const errors = validateGraph(graph);
    expect(errorsOfNode(graph.nodes[0]!, errors)).toEqual({ byField: { audienceId: "Choose an audience" }, general: [] });
    const wait = errorsOfNode(graph.nodes[1]!, errors);
    expect(wait.byField).toEqual({ definitionId: "Choose a business event", "timeout.amount": "At least 1" });
    expect(wait.general).toEqual(['Connect the "Received" path', 'Connect the "Timeout" path']);
  });

  it("titles each error with its step and the branch or part it is about", () => {
    const graph: TJourneyGraph = {
      nodes: [{ id: "c", type: "condition", position: { x: 0, y: 0 }, data: { branches: [{ id: "b1", label: "Gold", condition: { type: "audience", audienceId: "" } }] } }],
      edges: [],
    };
    const items = describeErrors(graph, validateGraph(graph), { kind: () => undefined });
    expect(items).toContainEqual({ nodeId: "c", title: "Condition · Gold", message: "Choose an audience or list" });
    expect(items).toContainEqual({ nodeId: "c", title: "Condition", message: 'Connect the "Gold" path' });
    expect(items).toContainEqual({ nodeId: null, message: "Add an entry: an audience or a business event" });
  });
});
