import { z } from "zod";
import { IDENTITY_NAMESPACES } from "@/db/schema";
import type { TActor } from "@/server/audit/actor";
import type { TKeyContext } from "@/server/api-keys/authenticate-api-key";
import { ZJsonObject, ZNullableTimestamp, ZTimestamp } from "./common-schemas";
import { ZEvent } from "./events";

/** Changes made through the API are audited as the key's. */
export const actorOf = (key: TKeyContext["key"]): TActor => ({ userId: null, label: `api key ${key.prefix}` });

/** GET /api/v1/profiles/{ref}: the GDPR export (server/profiles/gdpr.ts). */
export const ZExport = z.object({
  exportedAt: ZTimestamp,
  profile: z.object({ id: z.uuid(), attributes: ZJsonObject, timezone: z.string().nullable(), isTest: z.boolean(), createdAt: ZTimestamp, updatedAt: ZTimestamp, lastSeenAt: ZNullableTimestamp }),
  identities: z.array(z.object({ namespace: z.enum(IDENTITY_NAMESPACES), value: z.string(), createdAt: ZTimestamp })),
  events: z.array(ZEvent.pick({ type: true, name: true, properties: true, context: true, messageId: true, timestamp: true })),
  consents: z.array(z.object({ channel: z.string(), topic: z.string().nullable(), status: z.string(), source: z.string(), at: ZTimestamp })).describe("Consent changes, newest first"),
});
