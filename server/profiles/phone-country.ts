import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workspaces } from "@/db/schema";
import { DEFAULT_PHONE_COUNTRY } from "./phone-number";

/** The country a workspace reads phone numbers without a country code in (Settings > Workspace). */
export async function phoneCountryOf(db: DbOrTx, workspaceId: string): Promise<string> {
  const [row] = await db.select({ country: workspaces.defaultCountry }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.country ?? DEFAULT_PHONE_COUNTRY;
}
