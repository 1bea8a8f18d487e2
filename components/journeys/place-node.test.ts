import { describe, expect, it } from "vitest";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { autoLayout } from "./auto-layout";
import { defaultData } from "./node-defaults";
import { placeNode } from "./place-node";

const empty: TJourneyGraph = { nodes: [], edges: [] };

describe("placing nodes", () => {
  it("builds a path with clicks: each node below the selected one, wired from its first free output", () => {
    let g = placeNode(empty, { type: "entry_audience", data: defaultData("entry_audience") });
    const entry = g.id;
    g = placeNode(g.graph, { type: "message", data: defaultData("message", "email"), fromId: entry });
    const message = g.id;
    g = placeNode(g.graph, { type: "reaction", data: defaultData("reaction"), fromId: message });
    const reaction = g.id;
    expect(g.graph.nodes.find((n) => n.id === reaction)!.data.messageNodeId).toBe(message);
    const reacted = placeNode(g.graph, { type: "exit", data: {}, fromId: reaction });
    const timeout = placeNode(reacted.graph, { type: "exit", data: {}, fromId: reaction });
    expect(timeout.graph.edges.map((e) => `${e.source}.${e.sourceHandle}>${e.target}`)).toEqual([
      "entry_audience_1.next>message_1",
      "message_1.next>reaction_1",
      "reaction_1.reacted>exit_1",
      "reaction_1.timeout>exit_2",
    ]);
    const [a, b] = [reacted.id, timeout.id].map((id) => timeout.graph.nodes.find((n) => n.id === id)!.position);
    expect(a!.x).toBeLessThan(b!.x);
    expect(a!.y).toBe(b!.y);
  });

  it("drops at the given spot without wiring, and never wires into an entry", () => {
    const g = placeNode(empty, { type: "wait", data: {}, at: { x: 40, y: 50 } });
    expect(g.graph.nodes[0]!.position).toEqual({ x: 40, y: 50 });
    const e = placeNode(g.graph, { type: "entry_event", data: {}, fromId: g.id });
    expect(e.graph.edges).toEqual([]);
    expect(e.graph.nodes[1]!.position.y).toBeLessThan(50);
  });

  it("lays a graph out top to bottom with no overlap", () => {
    let g = placeNode(empty, { type: "entry_audience", data: {} });
    g = placeNode(g.graph, { type: "random", data: defaultData("random"), fromId: g.id });
    const split = g.id;
    g = placeNode(g.graph, { type: "exit", data: {}, fromId: split });
    g = placeNode(g.graph, { type: "exit", data: {}, fromId: split });
    const laid = autoLayout({ ...g.graph, nodes: g.graph.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) });
    const pos = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    expect(pos.entry_audience_1!.y).toBeLessThan(pos.random_1!.y);
    expect(pos.random_1!.y).toBeLessThan(pos.exit_1!.y);
    expect(pos.exit_1!.x).toBeLessThan(pos.exit_2!.x);
  });

  it("lays out merging paths whose branch targets sit on different ranks", () => {
    const at = { x: 0, y: 0 };
    const graph: TJourneyGraph = {
      nodes: [
        { id: "s", type: "random", position: at, data: defaultData("random") },
        { id: "x", type: "wait", position: at, data: {} },
        { id: "y", type: "exit", position: at, data: {} },
      ],
      edges: [
        { id: "1", source: "s", sourceHandle: "a", target: "y" },
        { id: "2", source: "s", sourceHandle: "b", target: "x" },
        { id: "3", source: "x", sourceHandle: "next", target: "y" },
      ],
    };
    const laid = autoLayout(graph);
    const y = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position.y]));
    expect(y.s!).toBeLessThan(y.x!);
    expect(y.x!).toBeLessThan(y.y!);
  });
});
