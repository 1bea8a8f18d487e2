CREATE TABLE "wf_cron" (
	"fn_id" text NOT NULL,
	"cron" text NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wf_cron_fn_id_cron_pk" PRIMARY KEY("fn_id","cron")
);
--> statement-breakpoint
CREATE TABLE "wf_events" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"data" jsonb NOT NULL,
	"ts" bigint NOT NULL,
	"workspace_id" uuid,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wf_jobs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wf_jobs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"fn_id" text NOT NULL,
	"kind" text NOT NULL,
	"step_id" text NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"concurrency_key" text,
	"concurrency_limit" integer,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"locked_by" text,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wf_run_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "wf_run_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"step_id" text,
	"name" text,
	"attempt" integer DEFAULT 0 NOT NULL,
	"data" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wf_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fn_id" text NOT NULL,
	"status" text NOT NULL,
	"event" jsonb NOT NULL,
	"workspace_id" uuid,
	"steps" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"stack" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"disable_immediate_execution" boolean DEFAULT false NOT NULL,
	"max_attempts" integer NOT NULL,
	"concurrency_key" text,
	"idempotency_key" text,
	"throttle_key" text,
	"output" jsonb,
	"error" jsonb,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wf_waits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"event_name" text NOT NULL,
	"expression" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "wf_jobs" ADD CONSTRAINT "wf_jobs_run_id_wf_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."wf_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_run_log" ADD CONSTRAINT "wf_run_log_run_id_wf_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."wf_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wf_waits" ADD CONSTRAINT "wf_waits_run_id_wf_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."wf_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wf_events_name_received_at_index" ON "wf_events" USING btree ("name","received_at");--> statement-breakpoint
CREATE INDEX "wf_jobs_due" ON "wf_jobs" USING btree ("run_at") WHERE done_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "wf_jobs_pending_unique" ON "wf_jobs" USING btree ("run_id","kind","step_id") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "wf_run_log_run_id_id_index" ON "wf_run_log" USING btree ("run_id","id");--> statement-breakpoint
CREATE INDEX "wf_runs_workspace_id_started_at_index" ON "wf_runs" USING btree ("workspace_id","started_at");--> statement-breakpoint
CREATE INDEX "wf_runs_fn_id_status_index" ON "wf_runs" USING btree ("fn_id","status");--> statement-breakpoint
CREATE INDEX "wf_runs_fn_id_idempotency_key_index" ON "wf_runs" USING btree ("fn_id","idempotency_key") WHERE idempotency_key is not null;--> statement-breakpoint
CREATE INDEX "wf_runs_fn_id_throttle_key_started_at_index" ON "wf_runs" USING btree ("fn_id","throttle_key","started_at") WHERE throttle_key is not null;--> statement-breakpoint
CREATE INDEX "wf_waits_open" ON "wf_waits" USING btree ("event_name") WHERE resolved_at is null;