-- Waits and cancelOn are found by key (server/workflows/embedded/wait-keys.ts), not by scanning every open wait of an event name.
ALTER TABLE "wf_waits" ADD COLUMN "match_key" text DEFAULT '*' NOT NULL;--> statement-breakpoint
ALTER TABLE "wf_waits" ADD COLUMN "matched_by_scan" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "wf_waits" SET "matched_by_scan" = true WHERE "resolved_at" IS NULL;--> statement-breakpoint
DROP INDEX IF EXISTS "wf_waits_open";--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_waits_open_key" ON "wf_waits" USING btree ("event_name","match_key") WHERE resolved_at is null;--> statement-breakpoint
CREATE TABLE "wf_match_shapes" (
	"event_name" text NOT NULL,
	"shape" text NOT NULL,
	CONSTRAINT "wf_match_shapes_event_name_shape_pk" PRIMARY KEY("event_name","shape")
);
--> statement-breakpoint
CREATE TABLE "wf_cancel_keys" (
	"event_name" text NOT NULL,
	"match_key" text NOT NULL,
	"run_id" uuid NOT NULL,
	CONSTRAINT "wf_cancel_keys_event_name_match_key_run_id_pk" PRIMARY KEY("event_name","match_key","run_id")
);
--> statement-breakpoint
ALTER TABLE "wf_cancel_keys" ADD CONSTRAINT "wf_cancel_keys_run_id_wf_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."wf_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "wf_cancel_keys_run_id_index" ON "wf_cancel_keys" USING btree ("run_id");--> statement-breakpoint
-- Runs started before keys existed are checked against every cancelling event, as before ("*" name and key).
INSERT INTO "wf_cancel_keys" ("event_name", "match_key", "run_id") SELECT '*', '*', "id" FROM "wf_runs" WHERE "status" = 'running';
