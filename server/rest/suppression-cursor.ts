import { z } from "zod";
import type { TSuppressionKey } from "@/server/messaging/manage-suppressions";

// Suppressions have no id: their page cursor is the last row's (createdAt, channel, address), opaque.

const ZKey = z.tuple([z.iso.datetime(), z.string().max(40), z.string().max(320)]);

export const ZSuppressionCursor = z
  .string()
  .max(600)
  .describe("`nextCursor` of the previous page")
  .transform((value, ctx): TSuppressionKey => {
    let parsed: z.ZodSafeParseResult<z.infer<typeof ZKey>> | null = null;
    try {
      parsed = ZKey.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      ctx.addIssue({ code: "custom", message: "Invalid cursor: pass back a nextCursor as it was given" });
      return z.NEVER;
    }
    const [at, channel, address] = parsed.data;
    return { createdAt: new Date(at), channel, address };
  });

export const suppressionCursor = (row: TSuppressionKey) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.channel, row.address]), "utf8").toString("base64url");
