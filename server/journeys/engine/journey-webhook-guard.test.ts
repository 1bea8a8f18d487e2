import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { REFUSED_ADDRESS_MESSAGE } from "@/plugins/sdk";
import { allowPrivateHost, startFakeServer, startInternalTarget, stubDns, type THttpFake, type TInternalTarget } from "@/plugins/sdk/testing";
import { edge, journeyHarness, node } from "../testing/engine-harness";
import { callWebhook, type TRunScope } from "./actions";

// A journey webhook node aimed at this machine's services (the app's port, the database's...)
// must reach none of them: refused when the journey is saved and published when the URL says
// so, refused when the socket connects when a name resolves there.

let h: Awaited<ReturnType<typeof journeyHarness>>;
let target: TInternalTarget;
let redirector: THttpFake;
beforeAll(async () => {
  h = await journeyHarness("Journey webhook guard");
  target = await startInternalTarget();
  redirector = await startFakeServer(() => ({ status: 302, headers: { location: `http://127.0.0.1:${target.port}/stolen` } }));
});
afterAll(async () => Promise.all([target.close(), redirector.close()]));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** entry (on the event `trackName`) -> webhook -> exit. */
const hookJourney = async (url: string, trackName = `Ordered ${crypto.randomUUID().slice(0, 6)}`) => {
  const definitionId = await h.definition(trackName);
  return { nodes: [node("entry", "entry_event", { definitionId }), node("hook", "webhook", { url, method: "POST" }), node("x", "exit")], edges: [edge("entry", "hook"), edge("hook", "x")] };
};

describe("journey webhook node and internal addresses", () => {
  it.each(["http://169.254.169.254/latest/meta-data/", "http://127.0.0.1:5432/", "http://localhost:3450/", "http://[::1]/"])("refuses %s when saved (on the node's url) and when published (400)", async (url) => {
    const graph = await hookJourney(url);
    const j = await h.manager.journeys.create({ workspaceId: h.ws, name: `Guard ${crypto.randomUUID().slice(0, 8)}` });
    const saved = await h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: j.revision, graph, settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
    expect(saved.errors).toEqual([{ nodeId: "hook", field: "url", message: `webhook: ${REFUSED_ADDRESS_MESSAGE}` }]);
    await expect(h.manager.journeys.publish({ workspaceId: h.ws, journeyId: j.id })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(REFUSED_ADDRESS_MESSAGE) });
  });

  it("calls nothing when the URL's name resolves to 127.0.0.1: the step is refused, not retried, and the journey goes on", async () => {
    stubDns({ "hooks.example.test": [["127.0.0.1"]] });
    const ada = await h.profile("guard-ada");
    const { journeyId } = await h.publish(await hookJourney(`http://hooks.example.test:${target.port}/hook`, "Ordered ada"));
    await h.track("guard-ada", "Ordered ada");
    await h.executor.drain();
    expect(await h.pathOf(journeyId, ada)).toMatchObject({ status: "completed", steps: ["entry:entered", "hook:refused", "x:exited"] });
    expect(target.hits).toEqual([]);
  });

  it("does not follow a redirect to an internal address", async () => {
    allowPrivateHost(redirector.url); // stands in for a public endpoint
    const bob = await h.profile("guard-bob");
    const { journeyId } = await h.publish(await hookJourney(`${redirector.url}/hook`, "Ordered bob"));
    await h.track("guard-bob", "Ordered bob");
    await h.executor.drain();
    expect(await h.pathOf(journeyId, bob)).toMatchObject({ status: "completed", steps: ["entry:entered", "hook:failed 302", "x:exited"] });
    expect(target.hits).toEqual([]);
  });

  it.each(["127.0.0.1", "localhost", "[::1]"])("refuses %s when the call is made (a node saved before the check), with one message whatever the port", async (host) => {
    const run: TRunScope = { workspaceId: h.ws, journeyId: "j", versionId: "v", enrollmentId: "e", profileId: await h.profile(`guard-${crypto.randomUUID().slice(0, 6)}`), test: false, trigger: {} };
    const open = await callWebhook(run, "hook", { url: `http://${host}:${target.port}/hook`, method: "POST" });
    const closed = await callWebhook(run, "hook", { url: `http://${host}:1/hook`, method: "POST" });
    expect(open).toEqual({ status: null, ok: false, error: `Webhook: ${REFUSED_ADDRESS_MESSAGE}` });
    expect(closed).toEqual(open);
    expect(target.hits).toEqual([]);
  });

  it("calls an allow-listed local receiver", async () => {
    const url = allowPrivateHost(`http://127.0.0.1:${target.port}/allowed`);
    const cy = await h.profile("guard-cy");
    const { journeyId } = await h.publish(await hookJourney(url, "Ordered cy"));
    await h.track("guard-cy", "Ordered cy");
    await h.executor.drain();
    expect(await h.pathOf(journeyId, cy)).toMatchObject({ steps: ["entry:entered", "hook:called", "x:exited"] });
    expect(target.hits).toEqual(["POST /allowed"]);
  });
});
