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
}
