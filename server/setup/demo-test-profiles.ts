import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { pushSubscriptions } from "@/db/schema";
import { DEMO_CITIES } from "./demo-profiles";

/**
 * The demo's test profiles, one per behaviour the seed journeys branch on. Each is in both
 * seed audiences (a seed city, born after 1980, Gold, with an email and a phone), so every
 * path they take can deliver: an email, a phone with an SMS opt-in (demo-topics.ts opts test
 * profiles in) and a Web Push subscription, which the Dev inbox captures in embedded mode.
 */
export const DEMO_TESTERS = [
  { note: "Opens, clicks and buys: Welcome → thank-you push; Gold offer → added to Engaged" },
  { note: "Opens, never clicks or buys: Welcome → no purchase; Gold offer → SMS nudge" },
  { note: "Never opens: Welcome → follow-up email; Gold offer → reminder email" },
] as const;
export const DEMO_TEST_PROFILES = DEMO_TESTERS.length;

const SEED_CITIES = DEMO_CITIES.slice(0, 3).map((c) => c.city);

/** Marks the first suitable demo customers (by external id) as test profiles, with their note and a push subscription. */
export async function seedDemoTestProfiles(workspaceId: string) {
  const db = await getDb();
  const cities = sql.join(SEED_CITIES.map((c) => sql`${c}`), sql`, `);
  const picked = rowsOf<{ id: string; external_id: string }>(
    await db.execute(sql`select p.id, i.value as external_id from profiles p
      join profile_identities i on i.profile_id = p.id and i.namespace = 'external_id'
      where p.workspace_id = ${workspaceId} and p.attributes->>'city' in (${cities}) and (p.attributes->>'birthYear')::int > 1980
        and p.attributes->>'loyaltyTier' = 'Gold' and jsonb_typeof(p.attributes->'email') = 'string' and jsonb_typeof(p.attributes->'phone') = 'string'
      order by i.value limit ${DEMO_TEST_PROFILES}`),
  );
  for (const [i, p] of picked.entries()) {
    await db.execute(sql`update profiles set is_test = true, test_note = ${DEMO_TESTERS[i]!.note} where id = ${p.id}`);
  }
  if (!picked.length) return [];
  // A Web Push subscription in the shape a browser gives; the Dev inbox captures what is sent to it.
  await db.insert(pushSubscriptions).values(
    picked.map((p) => ({ workspaceId, profileId: p.id, provider: "webpush" as const, endpoint: `https://dev-inbox.parcours.local/push/${p.external_id}`, keys: { p256dh: "dev-inbox-p256dh", auth: "dev-inbox-auth" } })),
  ).onConflictDoNothing();
  return picked.map((p) => p.id);
}
