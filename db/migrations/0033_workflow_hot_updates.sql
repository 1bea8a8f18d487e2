-- Room on each page for a row's next version, so the executor's updates of a run's memos and
-- of a job's lease stay HOT updates (no new index entries): server/workflows/embedded/commit-call-sql.ts.
ALTER TABLE "wf_jobs" SET (fillfactor = 70);
--> statement-breakpoint
ALTER TABLE "wf_runs" SET (fillfactor = 80);
