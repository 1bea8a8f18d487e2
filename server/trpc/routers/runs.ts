import { z } from "zod";
import { publishEvents } from "@/server/workflows/client";
import { maintenanceRequested } from "@/server/workflows/events";
import { functionsOverview } from "@/server/workflows/runs/functions-overview";
import { countRuns } from "@/server/workflows/runs/count-runs";
import { listRuns, ZRunFilter } from "@/server/workflows/runs/list-runs";
import { cancelRun, getRun, rerun } from "@/server/workflows/runs/manage-run";
import { runRetention, setRunRetention, ZRunRetention } from "@/server/workflows/runs/run-retention";
import { recordAudit } from "@/server/audit/record-audit";
import { advanceClock, clockState } from "@/server/workflows/time-travel";
import { getDb } from "@/db/client";
import { router, workspaceProcedure } from "../init";

const ZRunId = z.object({ runId: z.uuid("runId must be a UUID") });

export const runsRouter = router({
  list: workspaceProcedure("runs.read")
    .input(ZRunFilter.partial())
    .query(({ ctx, input }) => {
      const { workspaceId: _ignored, ...filter } = input;
      return listRuns(ctx.workspace.id, filter);
    }),

  /** Runs per status, each counted up to a cap (count-runs.ts): never a scan of every run. */
  stats: workspaceProcedure("runs.read").query(({ ctx }) => countRuns(ctx.workspace.id)),

  retention: workspaceProcedure("workspace.read").query(({ ctx }) => runRetention(ctx.workspace.id)),

  setRetention: workspaceProcedure("workspace.update")
    .input(ZRunRetention)
    .mutation(({ ctx, input }) => setRunRetention(ctx.workspace.id, input.days, ctx.actor)),

  functions: workspaceProcedure("runs.read").query(() => functionsOverview()),

  get: workspaceProcedure("runs.read").input(ZRunId).query(({ ctx, input }) => getRun(ctx.workspace.id, input.runId)),

  cancel: workspaceProcedure("runs.manage").input(ZRunId).mutation(({ ctx, input }) => cancelRun(ctx.workspace.id, input.runId, ctx.actor)),

  retry: workspaceProcedure("runs.manage").input(ZRunId).mutation(({ ctx, input }) => rerun(ctx.workspace.id, input.runId, ctx.actor)),

  clock: workspaceProcedure("journeys.read").query(() => clockState()),

  advanceClock: workspaceProcedure("runs.manage")
    .input(z.object({ duration: z.string().regex(/^(\d+[wdhms])+$/, "A duration such as 1h, 1d or 2d12h") }))
    .mutation(({ ctx, input }) => advanceClock(ctx.workspace.id, input.duration, ctx.actor)),

  runMaintenance: workspaceProcedure("runs.manage")
    .input(z.object({ task: z.enum(["prune-sign-in-failures"]) }))
    .mutation(async ({ ctx, input }) => {
      const ids = await publishEvents(maintenanceRequested.create({ task: input.task, workspaceId: ctx.workspace.id, requestedBy: ctx.actor.label }));
      const db = await getDb();
      await recordAudit(db, { workspaceId: ctx.workspace.id, actor: ctx.actor, action: "maintenance.run", entityType: "workflow", entityId: input.task, diff: {} });
      return { eventIds: ids };
    }),
});
