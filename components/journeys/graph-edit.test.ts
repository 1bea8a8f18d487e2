import { describe, expect, it } from "vitest";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { canConnect, connect, firstFreeOutput, messagesBefore, nearestMessageBefore, newNodeId, removeElements, updateNode } from "./graph-edit";

const at = { x: 0, y: 0 };
const graph: TJourneyGraph = {
  nodes: [
    { id: "entry_audience_1", type: "entry_audience", position: at, data: {} },
    { id: "message_1", type: "message", position: at, data: {} },
    { id: "reaction_1", type: "reaction", position: at, data: {} },
    { id: "exit_1", type: "exit", position: at, data: {} },
  ],
  edges: [
    { id: "e1", source: "entry_audience_1", sourceHandle: "next", target: "message_1" },
    { id: "e2", source: "message_1", sourceHandle: "next", target: "reaction_1" },
  ],
};

describe("graph edits", () => {
  it("numbers new nodes by type", () => {
    expect(newNodeId(graph, "message")).toBe("message_2");
    expect(newNodeId(graph, "wait")).toBe("wait_1");
  });

  it("keeps one edge per output, refuses loops and edges into an entry", () => {
    const g = connect(graph, "reaction_1", "timeout", "exit_1");
    expect(g.edges.filter((e) => e.source === "reaction_1")).toEqual([{ id: "reaction_1.timeout", source: "reaction_1", sourceHandle: "timeout", target: "exit_1" }]);
    const replaced = connect(g, "reaction_1", "timeout", "message_1");
    expect(replaced.edges.filter((e) => e.source === "reaction_1").map((e) => e.target)).toEqual(["message_1"]);
    expect(canConnect(graph, "message_1", "message_1")).toBe(false);
    expect(canConnect(graph, "message_1", "entry_audience_1")).toBe(false);
    expect(connect(graph, "exit_1", "next", "entry_audience_1")).toBe(graph);
  });

  it("removes nodes with their edges", () => {
    const g = removeElements(graph, ["message_1"]);
    expect(g.nodes.map((n) => n.id)).toEqual(["entry_audience_1", "reaction_1", "exit_1"]);
    expect(g.edges).toEqual([]);
    expect(removeElements(graph, [], ["e2"]).edges.map((e) => e.id)).toEqual(["e1"]);
  });

  it("drops edges of outputs a node no longer has", () => {
    const cond: TJourneyGraph = {
      nodes: [...graph.nodes, { id: "c", type: "condition", position: at, data: { branches: [{ id: "b1", label: "One" }, { id: "b2", label: "Two" }] } }],
      edges: [{ id: "x", source: "c", sourceHandle: "b2", target: "exit_1" }, { id: "y", source: "c", sourceHandle: "others", target: "exit_1" }],
    };
    const g = updateNode(cond, "c", { data: { branches: [{ id: "b1", label: "One" }] } });
    expect(g.edges.map((e) => e.id)).toEqual(["y"]);
    expect(updateNode(cond, "c", { label: "" }).nodes.at(-1)!.label).toBeUndefined();
  });

  it("finds free outputs and earlier messages", () => {
    expect(firstFreeOutput(graph, graph.nodes[2]!)).toBe("reacted");
    expect(firstFreeOutput(graph, graph.nodes[1]!)).toBeNull();
    expect(nearestMessageBefore(graph, "reaction_1")).toBe("message_1");
    expect(nearestMessageBefore(graph, "message_1")).toBeNull();
    expect(messagesBefore(graph, "reaction_1").map((n) => n.id)).toEqual(["message_1"]);
  });
});
