CREATE TABLE IF NOT EXISTS "journey_drain_requests" (
	"workspace_id" uuid PRIMARY KEY NOT NULL REFERENCES "workspaces"("id") ON DELETE cascade,
	"requested_at" timestamp with time zone
);
