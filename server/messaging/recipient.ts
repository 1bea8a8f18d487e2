import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { profileIdentities, profiles, pushSubscriptions } from "@/db/schema";
import type { TRecipient } from "@/plugins/sdk";

export interface TResolvedRecipient {
  recipient: TRecipient;
  timezone: string | null;
  attributes: Record<string, unknown>;
  isTest: boolean;
}

/** Everything a send needs to know about a profile: addresses, devices, attributes, time zone. */
export async function resolveRecipient(db: DbOrTx, workspaceId: string, profileId: string): Promise<TResolvedRecipient | null> {
  const [profile] = await db.select().from(profiles).where(and(eq(profiles.id, profileId), eq(profiles.workspaceId, workspaceId)));
  if (!profile) return null;
  const identities = await db.select().from(profileIdentities).where(eq(profileIdentities.profileId, profileId));
  const devices = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.profileId, profileId));
  const attr = (key: string) => (typeof profile.attributes[key] === "string" ? (profile.attributes[key] as string) : undefined);
  const identity = (ns: string) => identities.find((i) => i.namespace === ns)?.value;
  return {
    recipient: {
      profileId,
      email: attr("email")?.toLowerCase() ?? identity("email"),
      phone: attr("phone") ?? identity("phone"),
      webPushSubscriptions: devices.filter((d) => d.provider === "webpush" && d.keys).map((d) => ({ endpoint: d.endpoint, keys: d.keys! })),
      fcmTokens: devices.filter((d) => d.provider === "fcm").map((d) => d.endpoint),
      attributes: profile.attributes,
    },
    timezone: profile.timezone,
    attributes: profile.attributes,
    isTest: profile.isTest,
  };
}

/** The address a kind is sent to, for the log and the suppression list. */
export function addressFor(kind: string, recipient: TRecipient): string | null {
  if (kind === "email") return recipient.email ?? null;
  if (kind === "sms") return recipient.phone ?? null;
  if (kind === "push") {
    const n = (recipient.webPushSubscriptions?.length ?? 0) + (recipient.fcmTokens?.length ?? 0);
    return n ? `${n} device${n === 1 ? "" : "s"}` : null;
  }
  return recipient.profileId;
}
