import { events } from "@/db/schema";
import { columnsOf } from "@/db/table-rows";

// An events row read from one JSON parameter, instead of nine parameters a row (cheaper to
// build, send and parse). Keyed by every column, so a new column cannot be forgotten.
// `ns`, `value` and `more` place a row by identity, `tz` is the time zone its call sets.
export const EVENT_JSON_COLUMNS = `"workspaceId" uuid, "profileId" uuid, ns text, value text, more jsonb, tz text, type text, name text, properties jsonb, context jsonb, "messageId" text, "timestamp" timestamptz, "definitionId" uuid`;
const EVENT_FROM_JSON: Record<keyof typeof events.$inferSelect, string> = {
  id: "gen_random_uuid()",
  workspaceId: `x."workspaceId"`,
  profileId: `x."profileId"`,
  type: "x.type",
  name: "x.name",
  properties: "x.properties",
  context: "x.context",
  messageId: `x."messageId"`,
  definitionId: `x."definitionId"`,
  timestamp: `x."timestamp"`,
  receivedAt: "now()",
};
const COLUMNS = columnsOf(events);

/**
 * What an events insert does with a messageId stored before: nothing (idempotency). Named,
 * so the primary key (a uuid the insert generates) is not probed as an arbiter too.
 */
export const EVENT_ON_CONFLICT = "on conflict (workspace_id, message_id) do nothing";

/** The events table's column list, for `insert into events (…)`. */
export const EVENT_COLUMNS = COLUMNS.map((c) => `"${c.name}"`).join(", ");

/** The values of each column read from the JSON row `x`; `profileId` from another expression when given. */
export const eventValuesFromJson = (profileId = EVENT_FROM_JSON.profileId) => COLUMNS.map((c) => (c.key === "profileId" ? profileId : EVENT_FROM_JSON[c.key])).join(", ");
