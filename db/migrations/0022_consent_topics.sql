CREATE TABLE "subscription_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"default_status" text NOT NULL,
	"double_opt_in" boolean DEFAULT false NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscription_topics" ADD CONSTRAINT "subscription_topics_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "subscription_topics_name" ON "subscription_topics" USING btree ("workspace_id",lower("name"));--> statement-breakpoint
CREATE TABLE "consent_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"topic_id" uuid NOT NULL,
	"status" text NOT NULL,
	"source" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_events_profile_id_created_at_index" ON "consent_events" USING btree ("profile_id","created_at");--> statement-breakpoint
ALTER TABLE "profile_consents" DROP CONSTRAINT "profile_consents_profile_id_channel_pk";--> statement-breakpoint
ALTER TABLE "profile_consents" ADD COLUMN "topic_id" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_consents" ADD COLUMN "source" text;--> statement-breakpoint
ALTER TABLE "profile_consents" ADD CONSTRAINT "profile_consents_profile_id_channel_topic_id_pk" PRIMARY KEY("profile_id","channel","topic_id");--> statement-breakpoint
UPDATE "profile_consents" SET "source" = 'unsubscribe_link' WHERE "status" = 'unsubscribed';--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "topic_id" uuid;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "topic_id" uuid;
