ALTER TABLE "campaigns" ADD COLUMN "seed_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_executions" ADD COLUMN "waves" jsonb;
