import { getDb } from "@/db/client";
import type { TActor } from "@/server/audit/actor";
import { recordAudit } from "@/server/audit/record-audit";
import { AppError } from "@/server/errors";
import { appClock } from "./embedded/clock";
import { runningExecutor } from "./embedded/start-embedded";
import { workflowMode } from "./mode";
import { executorEnabled } from "./worker/executor-role";

/**
 * Time travel moves the embedded executor's clock forward, so waits, timeouts and schedules
 * due in that time happen now: for demos and end-to-end tests of journeys that last days.
 * Only in embedded mode, and outside production unless PARCOURS_TIME_TRAVEL=1. It moves
 * time for the whole process (every workspace), which is why it is an admin's tool.
 */
export function timeTravelEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  // It moves this process's clock only: with PARCOURS_EXECUTOR=off the workers' clocks would not move.
  if (workflowMode(env) !== "embedded" || !executorEnabled(env)) return false;
  return env.PARCOURS_TIME_TRAVEL === "1" || (env.NODE_ENV !== "production" && env.PARCOURS_TIME_TRAVEL !== "0");
}

export function clockState() {
  const clock = appClock();
  return { enabled: timeTravelEnabled(), offsetMs: clock.offset, now: clock.now() };
}

/** A time stored in real time (a journey step's), read on the workflow clock: after "+1d", a step taken now reads a day ahead. */
export function onWorkflowClock(real: Date): Date {
  return new Date(real.getTime() + appClock().offsetAt(real));
}

export async function advanceClock(workspaceId: string, duration: string, actor: TActor) {
  if (!timeTravelEnabled()) throw new AppError("BAD_REQUEST", "Time travel is only for the embedded executor in development (or with PARCOURS_TIME_TRAVEL=1)");
  const clock = appClock();
  const before = clock.now();
  clock.shift(duration);
  const db = await getDb();
  await recordAudit(db, { workspaceId, actor, action: "workflows.advance-clock", entityType: "workflow", entityId: "clock", diff: { now: { from: before.toISOString(), to: clock.now().toISOString() } } });
  await runningExecutor()?.drain();
  return clockState();
}
