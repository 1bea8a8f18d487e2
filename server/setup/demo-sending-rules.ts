import type { TActor } from "@/server/audit/actor";
import { updateMessagingSettings } from "@/server/messaging/messaging-settings";

/**
 * The demo's sending rules: marketing SMS capped at 2 a day per profile (a third waits for its
 * slot and is sent when it frees), shown on Channels > Sending rules. No quiet hours: a demo
 * tried at night still sends at once.
 */
export async function seedDemoSendingRules(workspaceId: string, actor: TActor) {
  await updateMessagingSettings(workspaceId, { frequencyCap: null, channelCaps: { sms: { max: 2, hours: 24 } }, quietHours: null, defaultTimezone: "UTC", deferredExpiryHours: 72 }, actor);
}
