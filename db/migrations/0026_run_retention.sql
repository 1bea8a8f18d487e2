-- Finished workflow runs are pruned after the workspace's retention (server/workflows/runs/prune-runs.ts).
ALTER TABLE "workspaces" ADD COLUMN "run_retention_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "workspaces" ADD CONSTRAINT "workspaces_run_retention_days_range" CHECK ("run_retention_days" BETWEEN 1 AND 365);--> statement-breakpoint
-- The Runs page reads newest first by (started_at, id), with or without a status or function
-- filter, by keyset; each shape has its index, so a page reads about one page of entries.
DROP INDEX IF EXISTS "wf_runs_workspace_id_started_at_index";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_runs_workspace_id_started_at_id_index" ON "wf_runs" USING btree ("workspace_id","started_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_runs_workspace_id_status_started_at_id_index" ON "wf_runs" USING btree ("workspace_id","status","started_at","id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_runs_workspace_id_fn_id_status_started_at_id_index" ON "wf_runs" USING btree ("workspace_id","fn_id","status","started_at","id");--> statement-breakpoint
-- Deleting a run cascades to its jobs and waits, done or not: found by run_id.
CREATE INDEX IF NOT EXISTS "wf_jobs_run_id_index" ON "wf_jobs" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_waits_run_id_index" ON "wf_waits" USING btree ("run_id");
