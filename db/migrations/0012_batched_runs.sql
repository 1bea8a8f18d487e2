ALTER TABLE "wf_runs" ADD COLUMN "events" jsonb;--> statement-breakpoint
ALTER TABLE "wf_runs" ADD COLUMN "batch_key" text;--> statement-breakpoint
ALTER TABLE "wf_runs" ADD COLUMN "batch_open_until" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "wf_runs_open_batch" ON "wf_runs" USING btree ("fn_id","batch_key") WHERE batch_open_until is not null;