ALTER TABLE "profiles" ADD COLUMN "test_note" text;--> statement-breakpoint
CREATE TABLE "message_daily_stats" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"metric" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "message_daily_stats_workspace_id_day_kind_metric_pk" PRIMARY KEY("workspace_id","day","kind","metric")
);--> statement-breakpoint
ALTER TABLE "message_daily_stats" ADD CONSTRAINT "message_daily_stats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "message_stat_deltas" (
	"workspace_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"metric" text NOT NULL,
	"n" bigint NOT NULL
);--> statement-breakpoint
CREATE INDEX "message_stat_deltas_workspace_id_index" ON "message_stat_deltas" USING btree ("workspace_id");--> statement-breakpoint
CREATE TABLE "message_stats_progress" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"done_until" timestamp with time zone NOT NULL
);--> statement-breakpoint
ALTER TABLE "message_stats_progress" ADD CONSTRAINT "message_stats_progress_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE FUNCTION message_stats_of_new_conversions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO message_stat_deltas (workspace_id, day, kind, metric, n)
  SELECT e.workspace_id, (e.timestamp AT TIME ZONE 'UTC')::date, last.kind, 'converted', count(*)
  FROM fresh e CROSS JOIN LATERAL (
    SELECT m.kind FROM messages m
    WHERE m.profile_id = e.profile_id AND m.created_at <= e.timestamp AND m.created_at > e.timestamp - interval '3 days'
      AND m.status IN ('sent', 'delivered') AND NOT m.is_test
    ORDER BY m.created_at DESC LIMIT 1) last
  WHERE e.definition_id IS NOT NULL
  GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "events_daily_conversions" AFTER INSERT ON "events" REFERENCING NEW TABLE AS fresh FOR EACH STATEMENT EXECUTE FUNCTION message_stats_of_new_conversions();--> statement-breakpoint
INSERT INTO message_daily_stats (workspace_id, day, kind, metric, n)
SELECT e.workspace_id, (e.at AT TIME ZONE 'UTC')::date, m.kind, e.type, count(*)
FROM message_events e JOIN messages m ON m.id = e.message_id JOIN workspaces w ON w.id = e.workspace_id
WHERE NOT m.is_test AND e.at <= now() AND e.type IN ('sent', 'delivered', 'failed', 'suppressed', 'bounced', 'complained', 'unsubscribed', 'opened', 'clicked')
  AND (e.type NOT IN ('opened', 'clicked') OR e.id = (
    SELECT o.id FROM message_events o WHERE o.message_id = e.message_id AND o.type = e.type AND o.data->>'machine' IS NULL ORDER BY o.id LIMIT 1))
GROUP BY 1, 2, 3, 4;--> statement-breakpoint
INSERT INTO message_stats_progress (workspace_id, done_until) SELECT id, now() FROM workspaces;
