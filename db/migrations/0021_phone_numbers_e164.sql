ALTER TABLE "workspaces" ADD COLUMN "default_country" text DEFAULT 'US' NOT NULL;--> statement-breakpoint
-- Phone numbers stored before are brought to E.164 where SQL can tell it safely (separators
-- dropped, US numbers of 10 or 11 digits, every workspace's default country being US); any
-- other form is normalized when it is read for a send (server/messaging/recipient.ts).
CREATE FUNCTION "phone_e164_0021"(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN v ~ '\(0\)' THEN v
    WHEN d ~ '^\+[1-9][0-9]{6,14}$' THEN d
    WHEN d ~ '^[2-9][0-9]{9}$' THEN '+1' || d
    WHEN d ~ '^1[2-9][0-9]{9}$' THEN '+' || d
    ELSE v
  END
  FROM (SELECT regexp_replace(v, '[[:space:]().-]', '', 'g') AS d) AS x
$$;--> statement-breakpoint
-- Two identities that become one number: the first keeps it, the other stays as it was.
WITH "changed" AS (
  SELECT DISTINCT ON ("workspace_id", "e164") "workspace_id", "value", "e164"
  FROM (SELECT "workspace_id", "value", "phone_e164_0021"("value") AS "e164" FROM "profile_identities" WHERE "namespace" = 'phone') AS x
  WHERE "e164" <> "value"
  ORDER BY "workspace_id", "e164", "value"
)
UPDATE "profile_identities" AS i SET "value" = c."e164" FROM "changed" AS c
WHERE i."workspace_id" = c."workspace_id" AND i."namespace" = 'phone' AND i."value" = c."value"
  AND NOT EXISTS (SELECT 1 FROM "profile_identities" AS o WHERE o."workspace_id" = c."workspace_id" AND o."namespace" = 'phone' AND o."value" = c."e164");--> statement-breakpoint
INSERT INTO "suppressions" ("workspace_id", "channel", "address", "reason", "note", "created_at")
  SELECT "workspace_id", "channel", "phone_e164_0021"("address"), "reason", "note", "created_at" FROM "suppressions"
  WHERE "channel" = 'sms' AND "phone_e164_0021"("address") <> "address"
  ON CONFLICT DO NOTHING;--> statement-breakpoint
DELETE FROM "suppressions" WHERE "channel" = 'sms' AND "phone_e164_0021"("address") <> "address";--> statement-breakpoint
UPDATE "profiles" SET "attributes" = jsonb_set("attributes", '{phone}', to_jsonb("phone_e164_0021"("attributes"->>'phone')))
  WHERE jsonb_typeof("attributes"->'phone') = 'string' AND "phone_e164_0021"("attributes"->>'phone') <> "attributes"->>'phone';--> statement-breakpoint
DROP FUNCTION "phone_e164_0021"(text);
