ALTER TABLE "message_events" DROP CONSTRAINT "message_events_workspace_id_workspaces_id_fk";
