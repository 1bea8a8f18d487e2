import { advanceTogether, continueTogether, type TRunStart, type TScope } from "../engine/advance-together";

/** A profile a cohort page or a drain takes on from the wait at `nodeId`, and the way its wait decided. */
export interface TLeaving {
  enrollmentId: string;
  profileId: string;
  /** Where its trace says it is: the wait, or further when a failed attempt already moved it. */
  currentNodeId: string | null;
  handle: string;
  outcome: string;
  detail?: Record<string, unknown>;
}

/**
 * Takes profiles on from the wait at `nodeId`: along their decided way for those still at it,
 * and from where the trace says they are for those a failed attempt already moved (so a retry
 * repeats nothing). Returns what goes on in cohorts or runs (hand-on.ts).
 */
export async function leaveWaitTogether(scope: TScope, nodeId: string, leaving: TLeaving[]): Promise<TRunStart[]> {
  const atWait = leaving.filter((l) => l.currentNodeId === nodeId);
  const further = leaving.filter((l) => l.currentNodeId !== nodeId);
  const handed = await continueTogether(
    scope,
    nodeId,
    atWait.map((l) => ({ at: { enrollmentId: l.enrollmentId, profileId: l.profileId }, handle: l.handle, outcome: l.outcome, ...(l.detail ? { detail: l.detail } : {}) })),
  );
  if (further.length) handed.push(...(await advanceTogether(scope, further.map((l) => ({ enrollmentId: l.enrollmentId, profileId: l.profileId, currentNodeId: l.currentNodeId })))));
  return handed;
}
