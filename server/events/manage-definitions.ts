import { and, desc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { eventDefinitions, events } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import { diffOf, recordAudit } from "@/server/audit/record-audit";
import { AppError, notFound } from "@/server/errors";
import { assertExpression } from "@/server/workflows/embedded/expressions";
import { forgetDefinitions } from "./definitions-cache";

export const ZEventField = z.object({
  name: z.string().trim().min(1, "Field name is required").max(100).regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "Use letters, digits and _"),
  type: z.enum(["string", "number", "boolean", "date"]),
  required: z.boolean().default(false),
});

export const ZEventDefinition = z.object({
  name: z.string().trim().min(1, "Name is required").max(100).regex(/^[A-Za-z0-9_.\- ]+$/, "Use letters, digits, spaces, . _ -"),
  description: z.string().trim().max(500).optional(),
  trackName: z.string().trim().min(1, "Track event name is required").max(255),
  fields: z.array(ZEventField).max(50).default([]),
  condition: z
    .string()
    .trim()
    .max(1000)
    .optional()
    .refine((c) => !c || compiles(c), "Condition is not a valid expression, e.g. purchaseMessage == \"thank you\""),
});

function compiles(expression: string): boolean {
  try {
    assertExpression(expression);
    return true;
  } catch {
    return false;
  }
}

type TInput = z.input<typeof ZEventDefinition>;

export async function createDefinition(workspaceId: string, raw: TInput, actor: TActor) {
  const input = ZEventDefinition.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: eventDefinitions.id }).from(eventDefinitions).where(and(eq(eventDefinitions.workspaceId, workspaceId), eq(eventDefinitions.name, input.name)));
    if (taken) throw new AppError("CONFLICT", `An event named "${input.name}" already exists`, "name");
    const [row] = await tx.insert(eventDefinitions).values({ workspaceId, ...input, condition: input.condition || null }).returning();
    await recordAudit(tx, { workspaceId, actor, action: "event-definition.create", entityType: "event-definition", entityId: row!.id, diff: diffOf(null, { ...input }) });
    return row!;
  }).finally(() => forgetDefinitions(workspaceId));
}

export async function updateDefinition(workspaceId: string, id: string, raw: TInput, actor: TActor) {
  const input = ZEventDefinition.parse(raw);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(eventDefinitions).where(and(eq(eventDefinitions.id, id), eq(eventDefinitions.workspaceId, workspaceId)));
    if (!before) throw notFound("Event definition");
    const [clash] = await tx.select({ id: eventDefinitions.id }).from(eventDefinitions).where(and(eq(eventDefinitions.workspaceId, workspaceId), eq(eventDefinitions.name, input.name)));
    if (clash && clash.id !== id) throw new AppError("CONFLICT", `An event named "${input.name}" already exists`, "name");
    const values = { ...input, description: input.description ?? null, condition: input.condition || null, updatedAt: new Date() };
    const [after] = await tx.update(eventDefinitions).set(values).where(eq(eventDefinitions.id, id)).returning();
    const pick = (d: typeof before) => ({ name: d.name, description: d.description, trackName: d.trackName, fields: d.fields, condition: d.condition });
    await recordAudit(tx, { workspaceId, actor, action: "event-definition.update", entityType: "event-definition", entityId: id, diff: diffOf(pick(before), pick(after!)) });
    return after!;
  }).finally(() => forgetDefinitions(workspaceId));
}

export async function deleteDefinition(workspaceId: string, id: string, actor: TActor) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [gone] = await tx.delete(eventDefinitions).where(and(eq(eventDefinitions.id, id), eq(eventDefinitions.workspaceId, workspaceId))).returning();
    if (!gone) throw notFound("Event definition");
    await tx.update(events).set({ definitionId: null }).where(eq(events.definitionId, id));
    await recordAudit(tx, { workspaceId, actor, action: "event-definition.delete", entityType: "event-definition", entityId: id, diff: { name: { from: gone.name } } });
  }).finally(() => forgetDefinitions(workspaceId));
}

/** Definitions with how many calls matched each in the last 7 days. */
export async function listDefinitions(workspaceId: string) {
  const db = await getDb();
  const weekAgo = new Date(Date.now() - 7 * 86_400_000);
  return db
    .select({
      definition: eventDefinitions,
      matchesLast7Days: sql<number>`(select count(*)::int from events e where e.definition_id = "event_definitions"."id" and e.timestamp > ${weekAgo.toISOString()}::timestamptz)`,
    })
    .from(eventDefinitions)
    .where(eq(eventDefinitions.workspaceId, workspaceId))
    .orderBy(eventDefinitions.name);
}

/** The latest calls that became this event. */
export async function recentMatches(workspaceId: string, id: string, limit = 20) {
  const db = await getDb();
  return db
    .select({ id: events.id, profileId: events.profileId, properties: events.properties, timestamp: events.timestamp })
    .from(events)
    .where(and(eq(events.workspaceId, workspaceId), eq(events.definitionId, id), gt(events.timestamp, new Date(0))))
    .orderBy(desc(events.timestamp))
    .limit(limit);
}
