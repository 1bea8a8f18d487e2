import { z } from "zod";

// Segment spec calls (https://segment.com/docs/connections/spec/). Ids may be strings or
// numbers and are stored as strings.
const ZId = z.union([z.string().min(1).max(255), z.number()]).transform(String);
const ZObject = z.record(z.string(), z.unknown());
const ZTimestamp = z.iso.datetime({ offset: true, message: "must be an ISO 8601 date-time" }).or(z.iso.date());

const common = {
  userId: ZId.optional().nullable(),
  anonymousId: ZId.optional().nullable(),
  messageId: z.string().min(1).max(255).optional(),
  timestamp: ZTimestamp.optional(),
  context: ZObject.optional(),
  integrations: ZObject.optional(),
};

const needsIdentity = <T extends { userId?: string | null; anonymousId?: string | null }>(call: T, ctx: z.RefinementCtx) => {
  if (!call.userId && !call.anonymousId) ctx.addIssue({ code: "custom", path: ["userId"], message: "userId or anonymousId is required" });
};

export const ZIdentify = z.object({ ...common, type: z.literal("identify").optional(), traits: ZObject.optional() }).superRefine(needsIdentity);
export const ZTrack = z
  .object({ ...common, type: z.literal("track").optional(), event: z.string().trim().min(1, "event is required").max(255), properties: ZObject.optional() })
  .superRefine(needsIdentity);
export const ZPage = z
  .object({ ...common, type: z.literal("page").optional(), name: z.string().max(255).optional().nullable(), category: z.string().max(255).optional().nullable(), properties: ZObject.optional() })
  .superRefine(needsIdentity);
export const ZScreen = z
  .object({ ...common, type: z.literal("screen").optional(), name: z.string().max(255).optional().nullable(), properties: ZObject.optional() })
  .superRefine(needsIdentity);
export const ZGroup = z.object({ ...common, type: z.literal("group").optional(), groupId: ZId, traits: ZObject.optional() }).superRefine(needsIdentity);
export const ZAlias = z.object({ ...common, type: z.literal("alias").optional(), previousId: ZId, userId: ZId });

export const CALL_SCHEMAS = { identify: ZIdentify, track: ZTrack, page: ZPage, screen: ZScreen, group: ZGroup, alias: ZAlias } as const;
export type TCallType = keyof typeof CALL_SCHEMAS;

export type TCall =
  | ({ type: "identify" } & z.infer<typeof ZIdentify>)
  | ({ type: "track" } & z.infer<typeof ZTrack>)
  | ({ type: "page" } & z.infer<typeof ZPage>)
  | ({ type: "screen" } & z.infer<typeof ZScreen>)
  | ({ type: "group" } & z.infer<typeof ZGroup>)
  | ({ type: "alias" } & z.infer<typeof ZAlias>);

export const MAX_BATCH_CALLS = 2500;

export class IngestionInputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
  }
}

/** A dotted path (`batch.3.event`) as ingestion errors write it, Segment-style: `batch[3].event`. */
export const ingestionPath = (path: string) => path.replace(/\.(\d+)(?=\.|$)/g, "[$1]");

/** Validates one call of a known type; the error names the JSON path (`batch[3].event`). */
export function parseCall(type: TCallType, raw: unknown, at = ""): TCall {
  const parsed = CALL_SCHEMAS[type].safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = ingestionPath([at, ...issue.path.map(String)].filter(Boolean).join("."));
    throw new IngestionInputError(path || "body", issue.message);
  }
  return { ...parsed.data, type } as TCall;
}

// Built once: zod compiles an object schema on its first parse, so one built per request paid that every time.
const ZBatch = z.object({ batch: z.array(ZObject).max(MAX_BATCH_CALLS, `at most ${MAX_BATCH_CALLS} calls`), context: ZObject.optional() });

/** A batch: `{ batch: [{ type, ... }], context? }`; batch-level context fills each call's. */
export function parseBatch(raw: unknown): TCall[] {
  const body = ZBatch.safeParse(raw);
  if (!body.success) {
    const issue = body.error.issues[0]!;
    throw new IngestionInputError(issue.path.map(String).join(".") || "batch", issue.message);
  }
  return body.data.batch.map((call, i) => {
    const type = call.type;
    if (typeof type !== "string" || !(type in CALL_SCHEMAS)) {
      throw new IngestionInputError(`batch[${i}].type`, `must be one of ${Object.keys(CALL_SCHEMAS).join(", ")}`);
    }
    const withContext = body.data.context && !call.context ? { ...call, context: body.data.context } : call;
    return parseCall(type as TCallType, withContext, `batch[${i}]`);
  });
}
