import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allowPrivateHost } from "@/plugins/sdk/testing";
import { edge, email, journeyHarness, node } from "../testing/engine-harness";

let h: Awaited<ReturnType<typeof journeyHarness>>;
const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
let status = 500;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(status).end();
  });
});

beforeAll(async () => {
  h = await journeyHarness("Journey actions");
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("webhooks and test-mode events", () => {
  it("calls a webhook with the profile and event, retrying a 5xx until it is accepted", async () => {
    const ada = await h.profile("hook-ada", { plan: "pro" });
    const ordered = await h.definition("Ordered");
    const url = allowPrivateHost(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`);
    const { journeyId } = await h.publish({
      nodes: [node("entry", "entry_event", { definitionId: ordered }), node("hook", "webhook", { url, method: "POST", body: '{"who":"{{ profile.plan }}","total":{{ event.total }}}' }), node("x", "exit")],
      edges: [edge("entry", "hook"), edge("hook", "x")],
    });
    await h.track("hook-ada", "Ordered", { total: 42 });
    await h.executor.drain();
    expect(received).toHaveLength(1); // the first answer was a 500: the step waits to retry
    status = 204;
    await h.executor.advance("1m");
    expect(received.length).toBeGreaterThanOrEqual(2);
    expect(received.at(-1)).toMatchObject({ body: '{"who":"pro","total":42}' });
    expect(received.at(-1)!.headers["idempotency-key"]).toBe(received[0]!.headers["idempotency-key"]);
    expect(await h.pathOf(journeyId, ada)).toMatchObject({ status: "completed", steps: ["entry:entered", "hook:called", "x:exited"] });
  });

  it("test mode: a test profile sent into an event journey, given opens and events from the panel", async () => {
    const tess = await h.profile("tess-events", {}, true);
    const bought = await h.definition("Bought", 'note == "thanks"');
    const j = await h.manager.journeys.create({ workspaceId: h.ws, name: "Test events" });
    const graph = {
      nodes: [
        node("entry", "entry_event", { definitionId: await h.definition("Visited") }),
        node("hello", "message", email("Hello")),
        node("opened", "reaction", { messageNodeId: "hello", reaction: "opened", timeout: { amount: 1, unit: "days" } }),
        node("buy", "wait_event", { definitionId: bought, timeout: { amount: 2, unit: "days" } }),
        node("x1", "exit"), node("x2", "exit"), node("x3", "exit"),
      ],
      edges: [edge("entry", "hello"), edge("hello", "opened"), edge("opened", "buy", "reacted"), edge("opened", "x1", "timeout"), edge("buy", "x2", "received"), edge("buy", "x3", "timeout")],
    };
    await h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: j.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
    await h.manager.journeys.setTestMode({ workspaceId: h.ws, journeyId: j.id, on: true });
    await h.manager.journeys.sendTest({ workspaceId: h.ws, journeyId: j.id, profileIds: [tess], payload: { source: "panel" } });
    await h.executor.drain();
    let [run] = await h.manager.journeys.testRuns({ workspaceId: h.ws, journeyId: j.id });
    expect(run).toMatchObject({ currentNodeId: "opened" });
    await h.manager.journeys.fireReaction({ workspaceId: h.ws, enrollmentId: run!.enrollmentId, messageNodeId: "hello", reaction: "opened" });
    await h.executor.drain();
    // An event that does not meet the definition's condition is not the business event.
    await h.manager.journeys.fireEvent({ workspaceId: h.ws, enrollmentId: run!.enrollmentId, definitionId: bought, properties: { note: "nope" } });
    await h.executor.drain();
    [run] = await h.manager.journeys.testRuns({ workspaceId: h.ws, journeyId: j.id });
    expect(run).toMatchObject({ currentNodeId: "buy", status: "active" });
    await h.manager.journeys.fireEvent({ workspaceId: h.ws, enrollmentId: run!.enrollmentId, definitionId: bought, properties: { note: "thanks" } });
    await h.executor.drain();
    [run] = await h.manager.journeys.testRuns({ workspaceId: h.ws, journeyId: j.id });
    expect(run!.steps.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual(["entry:entered", "hello:delivered", "opened:opened", "buy:received", "x2:exited"]);

    // Sent again, the profile skips the reaction: the timeout path, at once.
    await h.manager.journeys.sendTest({ workspaceId: h.ws, journeyId: j.id, profileIds: [tess] });
    await h.executor.drain();
    [run] = await h.manager.journeys.testRuns({ workspaceId: h.ws, journeyId: j.id });
    await h.manager.journeys.skipWait({ workspaceId: h.ws, enrollmentId: run!.enrollmentId });
    await h.executor.drain();
    [run] = await h.manager.journeys.testRuns({ workspaceId: h.ws, journeyId: j.id });
    expect(run!.steps.map((s) => `${s.nodeId}:${s.outcome}`)).toEqual(["entry:entered", "hello:delivered", "opened:skipped", "x1:exited"]);
  });
});
