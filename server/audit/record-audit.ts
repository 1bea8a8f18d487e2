import type { DbOrTx } from "@/db/client";
import { auditLog, type TAuditDiff } from "@/db/schema";
import type { TActor } from "./actor";

export interface TAuditEntry {
  workspaceId: string;
  actor: TActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  diff?: TAuditDiff;
}

/** Call inside the transaction of the change, so the change and its record land together. */
export async function recordAudit(tx: DbOrTx, entry: TAuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    workspaceId: entry.workspaceId,
    actorUserId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    diff: entry.diff ?? {},
  });
}

/** The fields that changed between two versions of a row, for the audit diff. */
export function diffOf<T extends Record<string, unknown>>(before: Partial<T> | null, after: Partial<T> | null): TAuditDiff {
  const diff: TAuditDiff = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    const from = before?.[key];
    const to = after?.[key];
    if (JSON.stringify(from) !== JSON.stringify(to)) diff[key] = { from, to };
  }
  return diff;
}
