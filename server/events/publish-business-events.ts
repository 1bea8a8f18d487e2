import type { z } from "zod";
import { canPublishEvents, publishEvents } from "@/server/workflows/client";
import { eventReceived } from "@/server/workflows/events";

export type TEventReceived = z.infer<NonNullable<typeof eventReceived.schema>>;

/**
 * Hands matched business events to the workflows (journeys start on and wait for them).
 * Called after the calls are stored: a failure here is logged, never lost data, because
 * the stored event keeps its definition id and can be replayed.
 */
export async function publishBusinessEvents(items: TEventReceived[]): Promise<void> {
  if (!canPublishEvents()) return;
  try {
    await publishEvents(items.map((data) => eventReceived.create(data, { id: `event-received-${data.eventId}` })));
  } catch (error) {
    console.error(`[events] could not publish ${items.length} business event(s) to workflows:`, (error as Error).message);
  }
}
