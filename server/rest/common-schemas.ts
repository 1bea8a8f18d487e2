import { z } from "zod";
import { ZCursor } from "@/server/keyset-page";

// Shapes every REST resource shares: timestamps, JSON objects, ids in paths, and paging.

/** A time as the database gives it (Date, or text from a raw query), served as ISO 8601. */
export const ZTimestamp = z.codec(z.union([z.date(), z.string()]), z.iso.datetime({ offset: true }), {
  decode: (value) => new Date(value).toISOString(),
  encode: (value) => value,
});
export const ZNullableTimestamp = ZTimestamp.nullable();

export const ZJsonObject = z.record(z.string(), z.unknown());

/** A UUID in the path: anything else is simply not found (ids are never guessed from their shape). */
export const ZIdParams = z.object({ id: z.string().describe("The resource's id (a UUID)") });

/**
 * The opaque cursor of the next page: the internal keyset cursor (`<time>|<id>`) in base64url,
 * so clients pass it back as is and never build one.
 */
export const ZOpaqueCursor = z
  .string()
  .max(200)
  .describe("`nextCursor` of the previous page")
  .transform((value, ctx) => {
    const inner = Buffer.from(value, "base64url").toString("utf8");
    if (!ZCursor.safeParse(inner).success) {
      ctx.addIssue({ code: "custom", message: "Invalid cursor: pass back a nextCursor as it was given" });
      return z.NEVER;
    }
    return inner;
  });

export const opaqueCursor = (inner: string | null): string | null => (inner ? Buffer.from(inner, "utf8").toString("base64url") : null);

/** `limit` (1-100, 25 by default) and `cursor`: the query of every list. */
export const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(25).describe("Items per page, at most 100"),
  cursor: ZOpaqueCursor.optional(),
});

/** A page of items, newest first, with the cursor of the next page (null on the last). */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page") });
}

export const pageOut = <T>(data: T[], innerCursor: string | null) => ({ data, nextCursor: opaqueCursor(innerCursor) });

export const ZCount = z.object({ count: z.number().int() });

const ZQueryTime = z.iso
  .datetime({ offset: true })
  .describe("ISO 8601 time")
  .transform((value) => new Date(value));

/** `since` (inclusive) and `until` (exclusive): a time window on a list. */
export const ZTimeWindow = z.object({ since: ZQueryTime.optional(), until: ZQueryTime.optional() });

/** A profile named by its id or `<namespace>:<value>` (`external_id:42`, `email:ada@example.com`). */
export const ZProfileRef = z.string().min(1).max(400).describe("A profile id, or `<namespace>:<value>` such as `external_id:42` or `email:ada@example.com`");
