// Client-safe: the template pages import the kinds without the server's validation code.
export const TEMPLATE_KINDS = ["email", "push", "sms"] as const;
export type TTemplateKind = (typeof TEMPLATE_KINDS)[number];
