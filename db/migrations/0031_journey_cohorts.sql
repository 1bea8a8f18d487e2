CREATE TABLE IF NOT EXISTS "journey_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE cascade,
	"journey_id" uuid NOT NULL REFERENCES "journeys"("id") ON DELETE cascade,
	"version_id" uuid NOT NULL REFERENCES "journey_versions"("id") ON DELETE cascade,
	"node_id" text NOT NULL,
	"kind" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"size" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_cohorts_journey_id_status_index" ON "journey_cohorts" USING btree ("journey_id","status");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_cohorts_due" ON "journey_cohorts" USING btree ("due_at") WHERE "status" in ('waiting', 'moving');
--> statement-breakpoint
ALTER TABLE "journey_enrollments" ADD COLUMN IF NOT EXISTS "cohort_id" uuid REFERENCES "journey_cohorts"("id") ON DELETE set null;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_enrollments_cohort" ON "journey_enrollments" USING btree ("cohort_id") WHERE "status" = 'active';
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "journey_waits" (
	"enrollment_id" uuid NOT NULL REFERENCES "journey_enrollments"("id") ON DELETE cascade,
	"node_id" text NOT NULL,
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE cascade,
	"journey_id" uuid NOT NULL REFERENCES "journeys"("id") ON DELETE cascade,
	"version_id" uuid NOT NULL REFERENCES "journey_versions"("id") ON DELETE cascade,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"accepts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"cohort_id" uuid REFERENCES "journey_cohorts"("id") ON DELETE set null,
	"decided" jsonb,
	"decided_at" timestamp with time zone,
	"taken_until" timestamp with time zone,
	"taken_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journey_waits_enrollment_id_node_id_pk" PRIMARY KEY("enrollment_id","node_id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_waits_kind_key_index" ON "journey_waits" USING btree ("kind","key");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_waits_cohort_id_index" ON "journey_waits" USING btree ("cohort_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_waits_journey_id_index" ON "journey_waits" USING btree ("journey_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "journey_waits_decided" ON "journey_waits" USING btree ("workspace_id","decided_at") WHERE "decided" IS NOT NULL;
