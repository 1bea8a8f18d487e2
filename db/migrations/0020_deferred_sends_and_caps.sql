ALTER TABLE "messages" ADD COLUMN "capped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messaging_settings" ADD COLUMN "channel_caps" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "messaging_settings" ADD COLUMN "deferred_expiry_hours" integer DEFAULT 72 NOT NULL;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "cap_exempt" boolean DEFAULT false NOT NULL;
