CREATE TABLE "indexed_attributes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "indexed_attributes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"type" text NOT NULL,
	"status" text DEFAULT 'building' NOT NULL,
	"error" text,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "indexed_attributes_key_type_index" ON "indexed_attributes" USING btree ("key","type");--> statement-breakpoint
-- The typed value of a top-level attribute, as compile-rules.ts reads it: a JSON string
-- (or number), else null. An indexed attribute's column holds exactly this.
CREATE OR REPLACE FUNCTION parcours_attribute_text(attributes jsonb, key text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(attributes -> key) = 'string' THEN attributes ->> key END
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION parcours_attribute_number(attributes jsonb, key text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN jsonb_typeof(attributes -> key) = 'number' THEN (attributes -> key)::numeric END
$$;
