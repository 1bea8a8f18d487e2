CREATE INDEX IF NOT EXISTS "events_workspace_id_timestamp_id_index" ON "events" USING btree ("workspace_id","timestamp","id");
