import { describe, expect, it } from "vitest";
import { edge, email, node } from "../testing/engine-harness";
import { waitsAhead } from "./walk-journey";

describe("waitsAhead", () => {
  const graph = {
    nodes: [
      node("entry", "entry_event", { definitionId: "d" }), node("first", "message", email("First")),
      node("split", "random", { branches: [] }), node("react", "reaction", { messageNodeId: "first", reaction: "opened" }),
      node("second", "message", email("Second")), node("x1", "exit"), node("x2", "exit"),
    ],
    edges: [edge("entry", "first"), edge("first", "split"), edge("split", "react", "a"), edge("split", "x1", "b"), edge("react", "second", "reacted"), edge("second", "x2")],
  };

  it("finds a waiting node on any path ahead, the node itself included", () => {
    expect(waitsAhead(graph, "entry")).toBe(true);
    expect(waitsAhead(graph, "split")).toBe(true);
    expect(waitsAhead(graph, "react")).toBe(true);
  });

  it("says no when every path ahead ends without waiting", () => {
    expect(waitsAhead(graph, "second")).toBe(false);
    expect(waitsAhead(graph, "x1")).toBe(false);
  });
});
