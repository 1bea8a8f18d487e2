import type { TActor } from "@/server/audit/actor";
import { bulletList, button, columns, doc, heading, image, paragraph, section, spacer, standardFooter, tag } from "@/server/messaging/email-document";
import { createTemplate } from "@/server/templates/manage-templates";

// Ready-made templates per channel for the demo workspace, written with demo attributes only
// (firstName, city, loyaltyTier, signedUpAt) and the API payload for transactional ones.

const WELCOME = doc(
  heading(1, ["Welcome, ", tag("profile.firstName", "friend"), "!"], "center"),
  paragraph(["We are glad you joined us. Here is what you can do first:"], { alignment: "center" }),
  columns(
    [heading(3, ["Find your size"]), paragraph(["Our fit guide takes two minutes."])],
    [heading(3, ["Follow your city"]), paragraph(["Events and drops in ", tag("profile.city", "your city"), "."])],
    [heading(3, ["Earn points"]), paragraph(["Every order counts toward Gold."])],
  ),
  button("Start shopping", "https://shop.example/welcome"),
  ...standardFooter(),
);

const NEWSLETTER = doc(
  section([heading(2, ["The spring edit"], "center"), paragraph(["Five things we love this month."], { alignment: "center" })], "background-color:#eef2ff;padding:20px;border-radius:12px"),
  spacer(16),
  image("https://placehold.co/560x220/png?text=Spring+edit", "Spring edit: light jackets and sneakers", { href: "https://shop.example/spring" }),
  columns(
    [heading(3, ["Story"]), paragraph(["How our denim is made, from cotton to your closet."]), button("Read", "https://shop.example/blog/denim", { alignment: "left" })],
    [heading(3, ["Event"]), paragraph(["Meet the designers in ", tag("profile.city", "your city"), " this Saturday."]), button("Reserve", "https://shop.example/events", { alignment: "left" })],
  ),
  ...standardFooter(),
);

const ORDER_CONFIRMATION = doc(
  heading(1, ["Thanks for your order, ", tag("profile.firstName", "there")]),
  paragraph(["Order ", tag("context.orderId"), " is confirmed. We will email you again when it ships."]),
  columns(
    [heading(3, ["Total"]), paragraph([tag("context.total"), " ", tag("context.currency", "USD")])],
    [heading(3, ["Delivery"]), paragraph([tag("context.deliveryDate", "in 3-5 days")])],
  ),
  button("Track your order", "https://shop.example/orders/{{ context.orderId }}"),
);

const WIN_BACK = doc(
  heading(1, ["We miss you, ", tag("profile.firstName", "friend")], "center"),
  paragraph(["You have been with us since ", tag("profile.signedUpAt", "the start"), ". Come back for 15% off your next order:"], { alignment: "center" }),
  section([heading(2, ["COMEBACK15"], "center")], "background-color:#fef3c7;padding:12px;border-radius:12px"),
  bulletList([["Free shipping over $50"], ["Free returns for 30 days"], ["Your ", tag("profile.loyaltyTier", "member"), " perks still apply"]]),
  button("Use my code", "https://shop.example/comeback"),
  ...standardFooter(),
);

export const DEMO_TEMPLATES = [
  { kind: "email", name: "Welcome", content: { subject: 'Welcome to Parcours Shop, {{ profile.firstName | default: "friend" }}', preheader: "Three things to do first", document: WELCOME } },
  { kind: "email", name: "Newsletter: spring edit", content: { subject: "The spring edit", preheader: "Five things we love this month", document: NEWSLETTER } },
  { kind: "email", name: "Order confirmation", content: { subject: "Order {{ context.orderId }} is confirmed", preheader: "We will email you when it ships", document: ORDER_CONFIRMATION } },
  { kind: "email", name: "Win-back: 15% off", content: { subject: '{{ profile.firstName | default: "Hey" }}, we miss you', preheader: "15% off your next order", document: WIN_BACK } },
  { kind: "push", name: "Back in stock", content: { title: "Back in stock", body: '{{ profile.firstName | default: "Hi" }}, the item you liked is back. Grab it before it sells out.', imageUrl: "", url: "https://shop.example/back-in-stock" } },
  { kind: "push", name: "Gold perk reminder", content: { title: "Your {{ profile.loyaltyTier | default: 'member' }} perks", body: "Free shipping on every order this week.", imageUrl: "", url: "https://shop.example/perks" } },
  { kind: "sms", name: "Order shipped", content: { text: "Hi {{ profile.firstName | default: 'there' }}, order {{ context.orderId }} has shipped. Track it: https://shop.example/orders/{{ context.orderId }}" } },
  { kind: "sms", name: "Flash sale", content: { text: "{{ profile.firstName | default: 'Hi' }}, 24h flash sale in {{ profile.city | default: 'your city' }}: 30% off with code FLASH30. Reply STOP to opt out." } },
] as const;

/** The demo's templates: four emails (welcome, newsletter, order confirmation, win-back), two pushes, two SMS. */
export async function seedDemoTemplates(workspaceId: string, actor: TActor) {
  for (const t of DEMO_TEMPLATES) await createTemplate(workspaceId, { kind: t.kind, name: t.name, content: t.content as unknown as Record<string, unknown> }, actor);
}
