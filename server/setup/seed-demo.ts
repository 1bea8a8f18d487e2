import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { dataDir } from "@/server/config/data-dir";
import { cliActor } from "@/server/audit/actor";
import { createDefinition } from "@/server/events/manage-definitions";
import { PURCHASE_EVENT } from "@/server/events/purchase-event";
import { setApprovalRequired } from "@/server/campaigns/approval-setting";
import { createAdmin } from "./create-admin";
import { seedDemoCampaigns } from "./demo-campaigns";
import { seedDemoJourneys } from "./demo-journeys";
import { seedDemoPopulation } from "./demo-population";
import { seedDemoSendingRules } from "./demo-sending-rules";
import { seedDemoTemplates } from "./demo-templates";
import { seedDemoTestProfiles } from "./demo-test-profiles";
import { seedDemoTopics } from "./demo-topics";


export const DEMO_EMAIL = "admin@parcours.local";

export interface TDemoSignIn {
  email: string;
  password: string;
  workspace: string;
}

const signInFile = () => path.join(dataDir(), "demo-sign-in.json");

/**
 * On an empty database: a "Demo" workspace and its admin with a generated password, filled
 * with the demo population (demo-population.ts). The password is stored hashed in the
 * database and in clear only in the local data folder, so the console can show it again at
 * each start of the embedded demo.
 */
export async function seedDemo(options: { force?: boolean; now?: Date } = {}): Promise<{ created: boolean; signIn: TDemoSignIn | null }> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(users);
  if ((row?.n ?? 0) > 0 && !options.force) return { created: false, signIn: readDemoSignIn() };
  const result = await createAdmin({ email: DEMO_EMAIL, workspace: "Demo", name: "Demo Admin" });
  if (!result.password) return { created: false, signIn: readDemoSignIn() };
  await createDefinition(result.workspace.id, PURCHASE_EVENT, cliActor);
  await db.transaction((tx) => seedDemoPopulation(tx, result.workspace.id, cliActor, options.now));
  await seedDemoTestProfiles(result.workspace.id);
  await seedDemoSendingRules(result.workspace.id, cliActor);
  await seedDemoTopics(result.workspace.id, cliActor);
  await seedDemoCampaigns(result.workspace.id, cliActor, options.now);
  await seedDemoJourneys(result.workspace.id, cliActor);
  // The "Password reset" went live while approval was off (a new workspace's default); then approval
  // goes on, as a team would have it, and the campaign page says how a solo admin gets past it.
  await setApprovalRequired(result.workspace.id, true, cliActor);
  await seedDemoTemplates(result.workspace.id, cliActor);
  const signIn = { email: DEMO_EMAIL, password: result.password, workspace: result.workspace.slug };
  writeFileSync(signInFile(), JSON.stringify(signIn, null, 2), { mode: 0o600 });
  return { created: true, signIn };
}

export function readDemoSignIn(): TDemoSignIn | null {
  const file = signInFile();
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as TDemoSignIn;
  } catch {
    return null;
  }
}
