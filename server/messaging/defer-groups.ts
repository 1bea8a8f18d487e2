import { createHash } from "node:crypto";

/** Targets of one follow-up send: at most this many per event (a payload well under Inngest's 256 KB). */
export const DEFERRED_CHUNK = 5_000;
const DEFERRED_BYTES = 200_000;

export interface TDeferredGroup<T> {
  /** ISO instant, whole minute: when the group's run sends again. */
  due: string;
  targets: T[];
}

/** A deferral's time rounded up to the minute: recipients due within one minute share a run. */
export function dueMinute(until: Date): Date {
  return new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
}

/**
 * Deferred recipients grouped by due minute (never later than `latest`: at expiry their run looks
 * once more, then expires what is still deferred), each group cut into chunks of at most 5,000
 * targets and 200 KB of JSON, earliest first.
 */
export function groupDeferred<T>(items: { until: Date; target: T }[], latest: Date | null = null): TDeferredGroup<T>[] {
  const byDue = new Map<number, T[]>();
  for (const { until, target } of items) {
    const due = Math.min(dueMinute(until).getTime(), latest ? latest.getTime() : Infinity);
    const group = byDue.get(due);
    if (group) group.push(target);
    else byDue.set(due, [target]);
  }
  const groups: TDeferredGroup<T>[] = [];
  for (const due of [...byDue.keys()].sort((a, b) => a - b)) {
    let chunk: T[] = [];
    let bytes = 0;
    for (const target of byDue.get(due)!) {
      const size = JSON.stringify(target).length + 1;
      if (chunk.length && (chunk.length >= DEFERRED_CHUNK || bytes + size > DEFERRED_BYTES)) {
        groups.push({ due: new Date(due).toISOString(), targets: chunk });
        chunk = [];
        bytes = 0;
      }
      chunk.push(target);
      bytes += size;
    }
    if (chunk.length) groups.push({ due: new Date(due).toISOString(), targets: chunk });
  }
  return groups;
}

/** An event id for a group: the same group (a retried step) is the same event, which the executor or Inngest keeps once. */
export function groupEventId(scope: string, group: TDeferredGroup<unknown>): string {
  return `deferred-${createHash("sha1").update(scope).update("\u0000").update(group.due).update(JSON.stringify(group.targets)).digest("hex")}`;
}
