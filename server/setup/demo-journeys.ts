import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, eventDefinitions } from "@/db/schema";
import { createAudience } from "@/server/audiences/manage-audiences";
import type { TActor } from "@/server/audit/actor";
import type { TJourneyEdge, TJourneyGraph, TJourneyNode } from "@/server/journeys/graph/model";
import { createJourney } from "@/server/journeys/manage-journeys";
import { DEMO_RULE_AUDIENCES } from "./demo-audiences";
import { journeyEmail } from "./demo-email-content";

export const DEMO_JOURNEYS = { reactions: "Welcome: email, then thank buyers", crossChannel: "Gold offer: remind, text or reward" };
export { DEMO_TEST_PROFILES } from "./demo-test-profiles";

const at = (col: number, row: number) => ({ x: col * 300, y: row * 150 });
const n = (id: string, type: TJourneyNode["type"], pos: { x: number; y: number }, data: Record<string, unknown>, label?: string): TJourneyNode => ({ id, type, position: pos, data, ...(label ? { label } : {}) });
const e = (source: string, target: string, sourceHandle = "next"): TJourneyEdge => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
const email = journeyEmail;

/** Seed 1 (Journey Optimizer): audience -> email -> opened within a day? -> purchase -> push; else a follow-up. */
function reactionsJourney(audienceId: string, purchaseId: string): TJourneyGraph {
  return {
    nodes: [
      n("entry", "entry_audience", at(1, 0), { audienceId }),
      n("first", "message", at(1, 1), email("Welcome to the new collection", "Our spring collection is here."), "First message"),
      n("opened", "reaction", at(1, 2), { messageNodeId: "first", reaction: "opened", timeout: { amount: 1, unit: "days" } }, "Email opened?"),
      n("purchase", "wait_event", at(0, 3), { definitionId: purchaseId, where: [], timeout: { amount: 7, unit: "days" } }, "Wait for purchase"),
      n("thanks", "message", at(0, 4), { kind: "push", content: { title: "Thank you, {{ profile.firstName | default: 'friend' }}!", body: "Enjoy your {{ event.product }}." } }, "Thank you push"),
      n("follow", "message", at(2, 3), email("Did you see our new collection?", "In case you missed it, our spring collection is waiting for you."), "Follow-up"),
      n("end1", "exit", at(0, 5), {}), n("end2", "exit", at(1, 4), {}), n("end3", "exit", at(2, 4), {}),
    ],
    edges: [e("entry", "first"), e("first", "opened"), e("opened", "purchase", "reacted"), e("opened", "follow", "timeout"), e("purchase", "thanks", "received"), e("purchase", "end2", "timeout"), e("thanks", "end1"), e("follow", "end3")],
  };
}

/** Seed 2 (Adobe Campaign): Gold audience -> offer -> wait 3 days -> clicked / opened / neither. */
function crossChannelJourney(audienceId: string, engagedId: string): TJourneyGraph {
  const behaviour = (id: string, label: string, b: string) => ({ id, label, condition: { type: "message", messageNodeId: "offer", behaviour: b } });
  return {
    nodes: [
      n("entry", "entry_audience", at(1, 0), { audienceId }),
      n("offer", "message", at(1, 1), email("Your Gold offer: 20% off", "As a Gold member, this offer is yours for a week."), "Offer email"),
      n("wait", "wait", at(1, 2), { mode: "duration", duration: { amount: 3, unit: "days" } }),
      n("split", "condition", at(1, 3), { branches: [behaviour("clicked", "Clicked", "clicked"), behaviour("opened", "Opened, no click", "opened")] }, "What did they do?"),
      n("engaged", "list", at(0, 4), { action: "add", listId: engagedId }, "Add to Engaged"),
      n("sms", "message", at(1, 4), { kind: "sms", content: { text: "{{ profile.firstName | default: 'Hi' }}, your Gold offer ends soon: https://shop.example/gold" } }, "SMS nudge"),
      n("reminder", "message", at(2, 4), email("Reminder: your Gold offer", "Your 20% Gold offer ends in a few days."), "Reminder email"),
      n("end1", "exit", at(0, 5), {}), n("end2", "exit", at(1, 5), {}), n("end3", "exit", at(2, 5), {}),
    ],
    edges: [e("entry", "offer"), e("offer", "wait"), e("wait", "split"), e("split", "engaged", "clicked"), e("split", "sms", "opened"), e("split", "reminder", "others"), e("engaged", "end1"), e("sms", "end2"), e("reminder", "end3")],
  };
}

/**
 * Two seed journeys as drafts (nothing runs until someone tests or publishes them), the
 * "Engaged" list they add to (their test profiles: demo-test-profiles.ts).
 */
export async function seedDemoJourneys(workspaceId: string, actor: TActor) {
  const db = await getDb();
  const names = DEMO_RULE_AUDIENCES.map((a) => a.name);
  const found = await db.select({ id: audiences.id, name: audiences.name }).from(audiences).where(and(eq(audiences.workspaceId, workspaceId), inArray(audiences.name, names)));
  const [purchase] = await db.select({ id: eventDefinitions.id }).from(eventDefinitions).where(and(eq(eventDefinitions.workspaceId, workspaceId), eq(eventDefinitions.name, "purchase")));
  const city = found.find((a) => a.name === names[0]);
  const gold = found.find((a) => a.name === names[1]);
  if (!city || !gold || !purchase) return;
  const engaged = await createAudience(workspaceId, { kind: "list", name: "Engaged", description: "Clicked the Gold offer." }, actor);
  await createJourney(workspaceId, { name: DEMO_JOURNEYS.reactions, description: "Seed 1: multi-channel with reactions." }, actor, { graph: reactionsJourney(city.id, purchase.id) });
  await createJourney(workspaceId, { name: DEMO_JOURNEYS.crossChannel, description: "Seed 2: cross-channel workflow." }, actor, { graph: crossChannelJourney(gold.id, engaged.id), settings: { entryRatePerSecond: 500 } });
}
