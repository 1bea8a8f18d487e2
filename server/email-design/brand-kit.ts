import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { emailBrands } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { DEFAULT_BRAND, ZBrand, type TBrand } from "@/server/messaging/email-brand";

export interface TBrandKit { brand: TBrand; version: string }

// Sends read the brand for every compile-cache lookup: kept in memory for a few seconds.
const TTL_MS = 5_000;
const cached = new Map<string, { at: number; kit: Promise<TBrandKit> }>();

/** The workspace's brand kit, defaults until someone saves one; `version` changes with every save. */
export function brandKit(workspaceId: string): Promise<TBrandKit> {
  const hit = cached.get(workspaceId);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.kit;
  const kit = readBrandKit(workspaceId);
  kit.catch(() => cached.delete(workspaceId));
  cached.set(workspaceId, { at: Date.now(), kit });
  return kit;
}

async function readBrandKit(workspaceId: string): Promise<TBrandKit> {
  const db = await getDb();
  const [row] = await db.select().from(emailBrands).where(eq(emailBrands.workspaceId, workspaceId));
  if (!row) return { brand: DEFAULT_BRAND, version: "default" };
  const parsed = ZBrand.safeParse(row.brand);
  return { brand: parsed.success ? parsed.data : DEFAULT_BRAND, version: String(row.updatedAt.getTime()) };
}

/** Saves the brand kit (every field checked, errors name it); every email sent after uses it. */
export async function updateBrandKit(workspaceId: string, raw: unknown, actor: TActor): Promise<TBrandKit> {
  const parsed = ZBrand.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("BAD_REQUEST", issue.message, ["brand", ...issue.path].join("."));
  }
  const before = (await brandKit(workspaceId)).brand;
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.insert(emailBrands).values({ workspaceId, brand: parsed.data, updatedAt: now }).onConflictDoUpdate({ target: emailBrands.workspaceId, set: { brand: parsed.data, updatedAt: now } });
    await recordAudit(tx, { workspaceId, actor, action: "brand.update", entityType: "brand", entityId: workspaceId, diff: diffOf(before, parsed.data) });
  });
  cached.delete(workspaceId);
  return { brand: parsed.data, version: String(now.getTime()) };
}
