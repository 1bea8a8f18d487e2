import { definitionsFor, prepareCalls, storePrepared, type TIngestResult, type TPrepared } from "./ingest-calls";
import type { TCall } from "./schemas";

/** `answerWhenStored`: answered once committed, not after its business events are published too. */
type TRequest = { calls: TCall[]; batch: boolean; receivedAt: Date; answerWhenStored?: boolean };
type TWaiting = TRequest & { resolve: (r: TIngestResult) => void; reject: (e: unknown) => void };

/** Transactions a workspace may have storing calls at once; more requests wait and go together. */
const WRITERS = Math.max(1, Number(process.env.PARCOURS_INGEST_WRITERS ?? 2));
/** A group takes whole requests up to about this many calls (a request alone may be larger). */
const GROUP_CALLS = 1000;
/** Committed groups still publishing, at most: beyond, storing waits (publishing keeps up). */
const PUBLISHING = 4;

const queues = new Map<string, { waiting: TWaiting[]; writing: number; open: number }>();

/**
 * Group commit: a request is stored at once while fewer than WRITERS transactions of its
 * workspace are open; otherwise it waits, and every request that waited goes in the next
 * transaction together. Under load a few statements then store many requests (the cost of a
 * call is mostly its statements' round trips); idle, nothing waits. Each request still gets
 * its own answer: its calls' duplicates, or its own 400.
 */
export function submitCalls(workspaceId: string, request: TRequest): Promise<TIngestResult> {
  return new Promise((resolve, reject) => {
    const queue = queues.get(workspaceId) ?? { waiting: [], writing: 0, open: 0 };
    queues.set(workspaceId, queue);
    queue.waiting.push({ ...request, resolve, reject });
    pump(workspaceId);
  });
}

function pump(workspaceId: string) {
  const queue = queues.get(workspaceId);
  if (!queue) return;
  while (queue.writing < WRITERS && queue.open < WRITERS + PUBLISHING && queue.waiting.length) {
    const group: TWaiting[] = [];
    let calls = 0;
    while (queue.waiting.length && (group.length === 0 || calls + queue.waiting[0]!.calls.length <= GROUP_CALLS)) {
      const next = queue.waiting.shift()!;
      calls += next.calls.length;
      group.push(next);
    }
    queue.writing++;
    queue.open++;
    let released = false;
    // The slot is free once the group is committed: publishing its business events overlaps the next group.
    const release = () => {
      if (released) return;
      released = true;
      queue.writing--;
      pump(workspaceId);
    };
    void storeGroup(workspaceId, group, release).finally(() => {
      release();
      queue.open--;
      if (queue.open === 0 && queue.waiting.length === 0) queues.delete(workspaceId);
      else pump(workspaceId);
    });
  }
}

async function storeGroup(workspaceId: string, group: TWaiting[], onCommitted: () => void = () => {}): Promise<void> {
  try {
    const definitions = await definitionsFor(workspaceId, group.flatMap((r) => r.calls));
    const prepared: { request: TWaiting; items: TPrepared[] }[] = [];
    for (const request of group) {
      try {
        prepared.push({ request, items: prepareCalls(request.calls, definitions, request.batch, request.receivedAt) });
      } catch (error) {
        request.reject(error);
      }
    }
    if (prepared.length === 0) return;
    const answer = (stored: boolean) => {
      for (const { request, items } of prepared) {
        if (Boolean(request.answerWhenStored) !== stored) continue;
        const duplicates = items.filter((i) => "stored" in i && i.stored === false).length;
        request.resolve({ accepted: request.calls.length - duplicates, duplicates });
      }
    };
    try {
      const committed = () => {
        onCommitted();
        answer(true);
      };
      await storePrepared(workspaceId, prepared.flatMap((p) => p.items), committed);
    } catch (error) {
      if (prepared.length === 1) throw error;
      // One request's data may be what failed: each is stored (or fails) alone.
      await Promise.all(prepared.map((p) => storeGroup(workspaceId, [p.request])));
      return;
    }
    answer(false);
  } catch (error) {
    for (const request of group) request.reject(error);
  }
}
