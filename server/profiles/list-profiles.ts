import { and, desc, eq, exists, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { profileAttributeTypes, profileIdentities, profiles } from "@/db/schema";
import { containsPattern } from "@/server/ids";
import { afterCursor, exactTime, pageOf, ZCursor } from "@/server/keyset-page";
import { phoneCountryOf } from "./phone-country";
import { isE164, toE164 } from "./phone-number";

export const ZProfileFilter = z.object({
  key: z.string().min(1).max(200),
  op: z.enum(["equals", "contains", "exists", "not_exists"]),
  value: z.string().max(500).optional(),
});

export const ZListProfiles = z.object({
  search: z.string().trim().max(200).optional(),
  filters: z.array(ZProfileFilter).max(10).default([]),
  /** Only test profiles (the journey test panel's picker). */
  testOnly: z.boolean().optional(),
  cursor: ZCursor.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

function filterSql(f: z.infer<typeof ZProfileFilter>): SQL {
  const value = sql`${profiles.attributes} -> ${f.key}`;
  const text = sql`${profiles.attributes} ->> ${f.key}`;
  switch (f.op) {
    case "exists":
      return sql`${profiles.attributes} ? ${f.key}`;
    case "not_exists":
      return sql`not (${profiles.attributes} ? ${f.key})`;
    case "contains":
      return sql`${text} ilike ${`%${f.value ?? ""}%`}`;
    case "equals":
      // Compare as JSON when the value parses (numbers, booleans), else as text.
      return sql`(${text} = ${f.value ?? ""} or ${value} = to_jsonb(${f.value ?? ""}::text) or (${value})::text = ${f.value ?? ""})`;
  }
}

/** Profiles, most recently updated first: search by any identity or attribute text, filter by attributes. */
export async function listProfiles(workspaceId: string, raw: z.input<typeof ZListProfiles>) {
  const input = ZListProfiles.parse(raw);
  const db = await getDb();
  const where: SQL[] = [eq(profiles.workspaceId, workspaceId), ...input.filters.map(filterSql)];
  if (input.testOnly) where.push(eq(profiles.isTest, true));
  if (input.search) {
    const like = containsPattern(input.search);
    // A number typed in any form also finds its E.164 identity: "(555) 060-0099" finds +15550600099.
    const phone = /\d{3}/.test(input.search) && !isE164(input.search) ? toE164(input.search, await phoneCountryOf(db, workspaceId)) : null;
    where.push(
      or(
        exists(db.select({ one: sql`1` }).from(profileIdentities).where(and(eq(profileIdentities.profileId, profiles.id), ilike(profileIdentities.value, like)))),
        sql`${profiles.attributes}::text ilike ${like}`,
        phone ? exists(db.select({ one: sql`1` }).from(profileIdentities).where(and(eq(profileIdentities.profileId, profiles.id), eq(profileIdentities.namespace, "phone"), eq(profileIdentities.value, phone)))) : undefined,
      )!,
    );
  }
  const after = afterCursor(input.cursor, profiles.updatedAt, profiles.id);
  if (after) where.push(after);
  const rows = await db
    .select({
      id: profiles.id,
      attributes: profiles.attributes,
      isTest: profiles.isTest,
      updatedAt: profiles.updatedAt,
      lastSeenAt: profiles.lastSeenAt,
      cursorAt: exactTime(profiles.updatedAt),
      identities: sql<{ namespace: string; value: string }[]>`coalesce((select json_agg(json_build_object('namespace', i.namespace, 'value', i.value)) from profile_identities i where i.profile_id = "profiles"."id"), '[]'::json)`,
    })
    .from(profiles)
    .where(and(...where))
    .orderBy(desc(profiles.updatedAt), desc(profiles.id))
    .limit(input.limit + 1);
  const { items, nextCursor } = pageOf(rows, input.limit, (r) => r.cursorAt);
  return { profiles: items.map(({ cursorAt: _c, ...p }) => p), nextCursor };
}

/** Attribute keys seen in the workspace with their observed types. */
export async function attributeKeys(workspaceId: string) {
  const db = await getDb();
  return db
    .select({ key: profileAttributeTypes.key, type: profileAttributeTypes.type })
    .from(profileAttributeTypes)
    .where(eq(profileAttributeTypes.workspaceId, workspaceId))
    .orderBy(profileAttributeTypes.key);
}
