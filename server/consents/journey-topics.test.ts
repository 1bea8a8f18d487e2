import { describe, expect, it } from "vitest";
import { cliActor } from "@/server/audit/actor";
import { edge, email, journeyHarness, node } from "@/server/journeys/testing/engine-harness";
import { createTeam } from "@/test/fixtures";
import { createTopic } from "./manage-topics";
import { changeSubscriptions } from "./profile-subscriptions";

describe("journey message steps and subscription topics", () => {
  it("a message step on an opt-in topic reaches only who opted in; a topic of another workspace is refused at save", async () => {
    const h = await journeyHarness("Journey topics");
    const offers = await createTopic(h.ws, { name: "Offers", channel: "email", defaultStatus: "opt_in" }, cliActor);
    const [yes, no] = [await h.profile("topic-yes"), await h.profile("topic-no")];
    await changeSubscriptions(h.ws, yes, { topics: [{ id: offers.id, status: "subscribed" }] }, "api");
    const ordered = await h.definition("Ordered");
    const graph = (topicId: string) => ({
      nodes: [node("entry", "entry_event", { definitionId: ordered }), node("offer", "message", { ...email("Offer"), topicId }), node("x", "exit")],
      edges: [edge("entry", "offer"), edge("offer", "x")],
    });
    const { journeyId } = await h.publish(graph(offers.id));
    await h.track("topic-yes", "Ordered");
    await h.track("topic-no", "Ordered");
    await h.executor.drain();
    const sent = await h.messagesOf(journeyId, "offer");
    expect(Object.fromEntries(sent.map((m) => [m.profileId, m.status]))).toEqual({ [yes]: "delivered", [no]: "suppressed" });
    expect(sent.every((m) => m.topicId === offers.id)).toBe(true);

    const other = await createTeam("Elsewhere");
    const foreign = await createTopic(other.workspace.id, { name: "Theirs", channel: "email", defaultStatus: "opt_out" }, cliActor);
    const j = await h.manager.journeys.create({ workspaceId: h.ws, name: "Foreign topic" });
    const save = h.manager.journeys.saveDraft({ workspaceId: h.ws, journeyId: j.id, revision: j.revision, graph: graph(foreign.id), settings: { reEntry: { mode: "never" }, exitEventDefinitionIds: [], entryRatePerSecond: 1000 } });
    await expect(save).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
