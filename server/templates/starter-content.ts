// What a new template starts with, per kind: a working example that shows merge tags.
// Client-safe (the editor page imports it); also the fixture of tests and the benchmark.

const text = (value: string, marks?: unknown[]) => ({ type: "text", text: value, ...(marks ? { marks } : {}) });

export const STARTER_EMAIL_DOCUMENT = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text('Hello {{ profile.firstName | default: "there" }}')] },
    {
      type: "paragraph",
      content: [
        text("Thanks for being with us since {{ profile.signupDate | default: \"day one\" }}. Your order {{ context.orderId }} is on its way to {{ profile.city | default: \"you\" }}. "),
        text("Track it", [{ type: "link", attrs: { href: "https://shop.example/track?order={{ context.orderId }}" } }]),
      ],
    },
    { type: "button", attrs: { href: "https://shop.example/sale" }, content: [text("Shop the sale")] },
    { type: "paragraph", content: [text("Not interested any more? "), text("Unsubscribe", [{ type: "link", attrs: { href: "{{ unsubscribe_url }}" } }])] },
  ],
};

export const STARTER_CONTENT = {
  email: { subject: "{{ profile.firstName | default: \"Hi\" }}, your order is on its way", preheader: "Order {{ context.orderId }} ships today", document: STARTER_EMAIL_DOCUMENT },
  push: { title: "Hi {{ profile.firstName | default: \"there\" }}", body: "Your order {{ context.orderId }} ships today.", imageUrl: "", url: "https://shop.example/orders" },
  sms: { text: "Hi {{ profile.firstName | default: \"there\" }}, your order {{ context.orderId }} ships today. Reply STOP to opt out." },
} satisfies Record<"email" | "push" | "sms", Record<string, unknown>>;
