import type { TTemplateKind } from "@/server/templates/template-kinds";

export const KIND_LABELS: Record<TTemplateKind, string> = { email: "Email", push: "Push", sms: "SMS" };
export const KIND_DESCRIPTIONS: Record<TTemplateKind, string> = {
  email: "Designed in the block editor, rendered with react-email.",
  push: "Title, body, image and click URL for Web Push and FCM.",
  sms: "Plain text, counted in GSM-7 or UCS-2 segments.",
};
