import { z } from "zod";
import { CONSENT_SOURCES } from "@/db/schema";
import { changeSubscriptions, CONSENT_CHANNELS, profileSubscriptions, ZSubscriptionChanges } from "@/server/consents/profile-subscriptions";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { ZNullableTimestamp, ZProfileRef } from "./common-schemas";
import { defineOperation } from "./operation";
import { actorOf } from "./profile-export";

const ZState = z.object({
  status: z.enum(["subscribed", "unsubscribed", "pending"]).describe("`pending`: an opt-in waiting for its double opt-in confirmation"),
  recorded: z.boolean().describe("false: nothing recorded, the default applies"),
  source: z.enum(CONSENT_SOURCES).nullable(),
  updatedAt: ZNullableTimestamp,
});
const ZSubscriptions = z.object({
  channels: z.array(ZState.extend({ channel: z.enum(CONSENT_CHANNELS) })),
  topics: z.array(ZState.extend({ id: z.uuid(), name: z.string(), channel: z.string(), defaultStatus: z.enum(["opt_in", "opt_out"]), doubleOptIn: z.boolean() })),
});
const ZParams = z.object({ id: ZProfileRef });

export const getSubscriptionsOp = defineOperation({
  method: "GET",
  path: "/api/v1/profiles/{id}/subscriptions",
  tag: "Subscriptions",
  summary: "A profile's consents per channel and topic",
  description: "`channels`: each channel's general marketing consent; `topics`: each subscription topic's. `source` is one of api, import, preference_page, provider_stop, admin, unsubscribe_link, double_opt_in.",
  keys: ["secret"],
  params: ZParams,
  responseName: "Subscriptions",
  response: ZSubscriptions,
  errors: [400, 404],
  handler: async ({ workspace, params }) => profileSubscriptions(workspace.id, await resolveProfileRef(workspace.id, params.id)),
});

export const putSubscriptionsOp = defineOperation({
  method: "PUT",
  path: "/api/v1/profiles/{id}/subscriptions",
  tag: "Subscriptions",
  summary: "Record consents (source `api`)",
  description: "Only what is named changes. Subscribing lifts an unsubscribe of the channel; bounces, complaints and manual suppressions stay. An opt-in to a double opt-in topic is `pending` (listed in `pending`) until the confirmation email's link is followed.",
  keys: ["secret"],
  params: ZParams,
  body: ZSubscriptionChanges,
  bodyLimit: BODY_LIMITS.restCall,
  bodyName: "SubscriptionChanges",
  responseName: "SubscriptionsChanged",
  response: ZSubscriptions.extend({ pending: z.array(z.uuid()).describe("Topics waiting for a confirmation") }),
  errors: [400, 404, 413],
  handler: async ({ workspace, key, params, body }) => {
    const profileId = await resolveProfileRef(workspace.id, params.id);
    const { pending } = await changeSubscriptions(workspace.id, profileId, body, "api", actorOf(key));
    return { ...(await profileSubscriptions(workspace.id, profileId)), pending };
  },
});
