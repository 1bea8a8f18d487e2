import { button, doc, heading, link, paragraph, tag, text } from "@/server/messaging/email-document";

// What a new template starts with, per kind: a working example that shows merge tags, with
// the demo's attributes (firstName, city, signedUpAt) and the sample context's orderId.
// Client-safe (the editor page imports it); also the fixture of tests and the benchmark.

export const STARTER_EMAIL_DOCUMENT = doc(
  heading(1, ["Hello ", tag("profile.firstName", "there")]),
  paragraph([
    "Thanks for being with us since ", tag("profile.signedUpAt", "day one"), ". Your order ", tag("context.orderId"), " is on its way to ", tag("profile.city", "you"), ". ",
    link("Track it", "https://shop.example/track?order={{ context.orderId }}"),
  ]),
  button("Shop the sale", "https://shop.example/sale"),
  paragraph([text("Not interested any more? "), link("Unsubscribe", "{{ unsubscribe_url }}")]),
);

export const STARTER_CONTENT = {
  email: { subject: "{{ profile.firstName | default: \"Hi\" }}, your order is on its way", preheader: "Order {{ context.orderId }} ships today", document: STARTER_EMAIL_DOCUMENT },
  push: { title: "Hi {{ profile.firstName | default: \"there\" }}", body: "Your order {{ context.orderId }} ships today.", imageUrl: "", url: "https://shop.example/orders" },
  sms: { text: "Hi {{ profile.firstName | default: \"there\" }}, your order {{ context.orderId }} ships today. Reply STOP to opt out." },
} satisfies Record<"email" | "push" | "sms", Record<string, unknown>>;

/** What a new scheduled (marketing) campaign starts with: a newsletter, not an order notice. */
export const STARTER_MARKETING_EMAIL_DOCUMENT = doc(
  heading(1, ["New this week, ", tag("profile.firstName", "friend")]),
  paragraph(["Fresh arrivals picked for ", tag("profile.city", "you"), ", and 20% off everything new until Sunday."]),
  button("See what's new", "https://shop.example/new"),
  paragraph([text("Not interested any more? "), link("Unsubscribe", "{{ unsubscribe_url }}")]),
);

export const STARTER_MARKETING_CONTENT = {
  email: { subject: "{{ profile.firstName | default: \"Hi\" }}, new this week: 20% off", preheader: "Fresh arrivals, picked for you", document: STARTER_MARKETING_EMAIL_DOCUMENT },
  push: { title: "New this week", body: "Fresh arrivals for you, {{ profile.firstName | default: \"friend\" }}: 20% off until Sunday.", imageUrl: "", url: "https://shop.example/new" },
  sms: { text: "Hi {{ profile.firstName | default: \"there\" }}, new this week: 20% off fresh arrivals until Sunday. Reply STOP to opt out." },
} satisfies Record<"email" | "push" | "sms", Record<string, unknown>>;

/** The starter a campaign of this type gets: API campaigns are transactional, scheduled ones marketing. */
export function campaignStarter(type: "scheduled" | "api", kind: "email" | "push" | "sms") {
  return type === "api" ? STARTER_CONTENT[kind] : STARTER_MARKETING_CONTENT[kind];
}
