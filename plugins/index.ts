import devInbox from "./dev-inbox";
import emailResend from "./email-resend";
import emailSmtp from "./email-smtp";
import pushFcm from "./push-fcm";
import pushWebpush from "./push-webpush";
import type { TChannelPlugin } from "./sdk";
import slack from "./slack";
import smsTwilio from "./sms-twilio";
import webhook from "./webhook";

// The registry: adding a provider is its folder plus one line here.
export const channelPlugins: readonly TChannelPlugin[] = [
  devInbox,
  emailSmtp,
  emailResend,
  webhook,
  slack,
  pushWebpush,
  pushFcm,
  smsTwilio,
];

const byId = new Map(channelPlugins.map((plugin) => [plugin.meta.id, plugin]));

export function pluginById(id: string): TChannelPlugin | undefined {
  return byId.get(id);
}
