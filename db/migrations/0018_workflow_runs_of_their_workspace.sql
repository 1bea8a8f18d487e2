-- A workflow run belongs to one workspace, or to the instance (workspace_id NULL), and a
-- workspace sees only its own (docs/security.md, "Workflow runs"). Runs stored before:
-- 1. A batched run whose events came from several workspaces is the instance's.
UPDATE "wf_runs" r SET "workspace_id" = NULL
WHERE r."events" IS NOT NULL AND r."workspace_id" IS NOT NULL
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(r."events") e WHERE lower(e->'data'->>'workspaceId') IS DISTINCT FROM r."workspace_id"::text);
--> statement-breakpoint
-- 2. An onFailure handler's run was stored with no workspace: it is the workspace's of the
-- failed run's event (data.event), as runs are from now on (server/workflows/embedded/run-workspace.ts).
UPDATE "wf_runs" SET "workspace_id" = lower("event"->'data'->'event'->'data'->>'workspaceId')::uuid
WHERE "workspace_id" IS NULL AND "event"->>'name' = 'inngest/function.failed'
  AND "event"->'data'->'event'->'data'->>'workspaceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
--> statement-breakpoint
-- 3. The stored inngest/function.failed events likewise.
UPDATE "wf_events" SET "workspace_id" = lower("data"->'event'->'data'->>'workspaceId')::uuid
WHERE "workspace_id" IS NULL AND "name" = 'inngest/function.failed'
  AND "data"->'event'->'data'->>'workspaceId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';
