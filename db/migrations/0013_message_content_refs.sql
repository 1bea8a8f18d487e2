CREATE TABLE "message_contents" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_contents_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "content_key" text;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "content_scope" jsonb;--> statement-breakpoint
ALTER TABLE "message_contents" ADD CONSTRAINT "message_contents_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;