import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { GENERAL_TOPIC } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { createTopic } from "@/server/consents/manage-topics";

/**
 * The demo's subscription topics (Settings > Subscription topics): three email topics, opt-out
 * but for "Offers", and an opt-in SMS topic, as SMS marketing needs a recorded opt-in.
 */
export const DEMO_TOPICS = [
  { name: "Newsletter", channel: "email", defaultStatus: "opt_out" },
  { name: "Product updates", channel: "email", defaultStatus: "opt_out" },
  { name: "Offers", channel: "email", defaultStatus: "opt_in" },
  { name: "Offers by SMS", channel: "sms", defaultStatus: "opt_in" },
] as const;

export async function seedDemoTopics(workspaceId: string, actor: TActor) {
  for (const topic of DEMO_TOPICS) await createTopic(workspaceId, topic, actor);
  await seedDemoSmsOptIns(workspaceId);
}

/**
 * SMS marketing is opt-in (policy.ts): the demo's profiles with a phone opted in, as an import
 * would have recorded it, but those whose number ends in 7 (about one in ten), so the SMS
 * reports show "No opt-in recorded" too. Test profiles all opted in: their paths must succeed.
 */
async function seedDemoSmsOptIns(workspaceId: string) {
  const db = await getDb();
  const optedIn = sql`select p.workspace_id, p.id, 'sms', ${GENERAL_TOPIC}::uuid, 'subscribed', 'import' from profiles p
    where p.workspace_id = ${workspaceId} and jsonb_typeof(p.attributes->'phone') = 'string' and (p.is_test or right(p.attributes->>'phone', 1) <> '7')`;
  await db.execute(sql`insert into profile_consents (workspace_id, profile_id, channel, topic_id, status, source) ${optedIn} on conflict do nothing`);
  await db.execute(sql`insert into consent_events (workspace_id, profile_id, channel, topic_id, status, source) ${optedIn}`);
}
