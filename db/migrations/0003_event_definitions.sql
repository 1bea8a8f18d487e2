CREATE TABLE "event_definitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"track_name" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"condition" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "definition_id" uuid;--> statement-breakpoint
ALTER TABLE "event_definitions" ADD CONSTRAINT "event_definitions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_definitions_workspace_id_name_index" ON "event_definitions" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "event_definitions_workspace_id_track_name_index" ON "event_definitions" USING btree ("workspace_id","track_name");--> statement-breakpoint
CREATE INDEX "events_definition_id_timestamp_index" ON "events" USING btree ("definition_id","timestamp") WHERE definition_id is not null;