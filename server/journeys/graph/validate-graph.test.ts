import { describe, expect, it } from "vitest";
import type { TJourneyEdge, TJourneyGraph, TJourneyNode } from "./model";
import { outputsOf } from "./model";
import { validateGraph } from "./validate-graph";

const A = "0b7c4c1e-8a55-4c3b-9f61-3f2a4c1e8a55";
const node = (id: string, type: TJourneyNode["type"], data: Record<string, unknown> = {}): TJourneyNode => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = "next"): TJourneyEdge => ({ id: `${source}-${sourceHandle}-${target}`, source, sourceHandle, target });
const email = { kind: "email", content: { subject: "Hi", html: "<p>Hi</p>" } };

/** The first seed journey: audience -> email -> reaction (opened, 1 day) -> event wait -> push; timeout -> follow-up. */
function seedJourney(): TJourneyGraph {
  return {
    nodes: [
      node("entry", "entry_audience", { audienceId: A }),
      node("first", "message", email),
      node("opened", "reaction", { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }),
      node("purchase", "wait_event", { definitionId: A, timeout: { amount: 7, unit: "days" } }),
      node("thanks", "message", { kind: "push", content: { title: "Thank you", body: "!" } }),
      node("follow", "message", email),
      node("x1", "exit"), node("x2", "exit"), node("x3", "exit"),
    ],
    edges: [edge("entry", "first"), edge("first", "opened"), edge("opened", "purchase", "reacted"), edge("opened", "follow", "timeout"), edge("purchase", "thanks", "received"), edge("purchase", "x3", "timeout"), edge("thanks", "x1"), edge("follow", "x2")],
  };
}

const messagesOf = (g: TJourneyGraph) => validateGraph(g).map((e) => `${e.nodeId}: ${e.message}`);

describe("validateGraph", () => {
  it("accepts the seed journey", () => {
    expect(validateGraph(seedJourney())).toEqual([]);
  });

  it("wants exactly one entry", () => {
    expect(messagesOf({ nodes: [node("x", "exit")], edges: [] })).toContain("null: Add an entry: an audience or a business event");
    const g = seedJourney();
    g.nodes.push(node("entry2", "entry_event", { definitionId: A }));
    g.edges.push(edge("entry2", "first"));
    expect(messagesOf(g)).toContain("entry2: A journey has one entry; remove this one");
  });

  it("names the missing field on its node", () => {
    const g = seedJourney();
    g.nodes[1]!.data = { kind: "email" };
    const errors = validateGraph(g);
    expect(errors).toContainEqual({ nodeId: "first", field: "content", message: "message: Design the message" });
  });

  it("wants every path to end: each output connected, once", () => {
    const g = seedJourney();
    g.edges = g.edges.filter((e) => !(e.source === "opened" && e.sourceHandle === "timeout"));
    g.nodes = g.nodes.filter((n) => n.id !== "follow" && n.id !== "x2");
    g.edges = g.edges.filter((e) => e.source !== "follow");
    expect(messagesOf(g)).toEqual(['opened: reaction: connect the "Timeout" path']);
    const twice = seedJourney();
    twice.edges.push(edge("thanks", "x2"));
    expect(messagesOf(twice)).toContain('thanks: message: the "Next" path goes to more than one step');
  });

  it("finds unreachable steps and cycles", () => {
    const g = seedJourney();
    g.nodes.push(node("lost", "exit"));
    expect(messagesOf(g)).toEqual(["lost: exit: no path from the entry reaches this step"]);
    const loop = seedJourney();
    loop.edges = loop.edges.map((e) => (e.source === "follow" ? edge("follow", "first") : e));
    loop.nodes = loop.nodes.filter((n) => n.id !== "x2");
    expect(messagesOf(loop).some((m) => m.includes("loops back on itself"))).toBe(true);
  });

  it("wants a reaction to follow the message it reacts to", () => {
    const g = seedJourney();
    (g.nodes[2]!.data as { messageNodeId: string }).messageNodeId = "follow";
    expect(messagesOf(g)).toContain('opened: reaction: "message" does not come before this step');
    (g.nodes[2]!.data as { messageNodeId: string }).messageNodeId = "purchase";
    expect(messagesOf(g)).toContain("opened: reaction: choose a message step");
  });

  it("checks split branches: percentages add up, message branches refer back", () => {
    const g: TJourneyGraph = {
      nodes: [
        node("entry", "entry_event", { definitionId: A }),
        node("m", "message", email),
        node("ab", "random", { branches: [{ id: "a", label: "A", percent: 50 }, { id: "b", label: "B", percent: 40 }] }),
        node("split", "condition", { branches: [{ id: "clicked", label: "Clicked", condition: { type: "message", messageNodeId: "m", behaviour: "clicked" } }] }),
        node("x", "exit"),
      ],
      edges: [edge("entry", "m"), edge("m", "ab"), edge("ab", "split", "a"), edge("ab", "x", "b"), edge("split", "x", "clicked"), edge("split", "x", "others")],
    };
    expect(messagesOf(g)).toEqual(["ab: random: Percentages must add up to 100"]);
  });

  it("gives each node type its outputs", () => {
    expect(outputsOf(node("c", "condition", { branches: [{ id: "gold", label: "Gold" }] })).map((o) => o.id)).toEqual(["gold", "others"]);
    expect(outputsOf(node("r", "reaction")).map((o) => o.id)).toEqual(["reacted", "timeout"]);
    expect(outputsOf(node("x", "exit"))).toEqual([]);
  });
});
