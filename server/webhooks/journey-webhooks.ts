import { log } from "@/server/observability/logger";
import { enqueueWorkspaceEvents } from "./enqueue";

/** An enrollment as finishTogether's statement returns it. */
export interface TFinished {
  id: string;
  workspace_id: string;
  journey_id: string;
  profile_id: string;
  is_test: boolean;
  /** Its own reason ("Exit event: signed_up"), over the batch's. */
  reason?: string;
}

/**
 * `journey.exited` for the enrollments a batch just finished (test enrollments are not sent):
 * one outbox insert per workspace when an endpoint there hears it, nothing otherwise. A failure
 * is logged, never thrown: the enrollments are already finished.
 */
export async function enqueueJourneyExits(finished: TFinished[], status: string, reason: string | null): Promise<void> {
  const items = finished
    .filter((e) => !e.is_test)
    .map((e) => ({ workspaceId: e.workspace_id, event: { type: "journey.exited" as const, data: { journeyId: e.journey_id, enrollmentId: e.id, profileId: e.profile_id, status, reason: e.reason ?? reason } } }));
  if (items.length === 0) return;
  try {
    await enqueueWorkspaceEvents(items);
  } catch (error) {
    log().error({ err: error }, `webhooks: could not enqueue ${items.length} journey exit(s)`);
  }
}
