import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { audiences, campaigns } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { createCampaign } from "@/server/campaigns/manage-campaigns";
import { DEMO_RULE_AUDIENCES } from "./demo-audiences";
import { GOLD_PROMOTION_EMAIL, PASSWORD_RESET_EMAIL } from "./demo-email-content";

export const DEMO_CAMPAIGN = "Gold members: spring promotion";

const DEMO_EMAIL = GOLD_PROMOTION_EMAIL;

/** The demo promotion's seed: the marketing team's inbox gets a copy of each send. */
export const DEMO_SEED_ADDRESS = "marketing-team@parcours.example";

export const DEMO_API_CAMPAIGN = "Password reset";

const RESET_EMAIL = PASSWORD_RESET_EMAIL;

/**
 * A draft promotion to the Gold audience, two weeks ahead at 10:00 in each member's time zone
 * with a seed address (nothing is sent at seed time), and a transactional "Password reset" API campaign, active, to call with a secret key.
 */
export async function seedDemoCampaigns(workspaceId: string, actor: TActor, now = new Date()) {
  const db = await getDb();
  const gold = DEMO_RULE_AUDIENCES[1]!.name;
  const [audience] = await db.select({ id: audiences.id }).from(audiences).where(and(eq(audiences.workspaceId, workspaceId), eq(audiences.name, gold)));
  if (!audience) return null;
  // Ahead of the real clock too: a seed with a past `now` still schedules a future send.
  const at = new Date(Math.max(now.getTime(), Date.now()) + 14 * 86_400_000).toISOString().slice(0, 10);
  const reset = await createCampaign(workspaceId, { name: DEMO_API_CAMPAIGN, type: "api", apiMode: "transactional", kind: "email", content: RESET_EMAIL }, actor);
  await db.update(campaigns).set({ status: "active" }).where(eq(campaigns.id, reset.id));
  // Local-time delivery (10:00 where each member lives) with one seed address, so both show.
  return createCampaign(workspaceId, { name: DEMO_CAMPAIGN, type: "scheduled", audienceId: audience.id, kind: "email", content: DEMO_EMAIL, schedule: { type: "local", date: at, time: "10:00" }, seedAddresses: [DEMO_SEED_ADDRESS] }, actor);
}
