import { bold, button, columns, divider, doc, heading, link, paragraph, section, spacer, standardFooter, tag, type TDocNode } from "@/server/messaging/email-document";

// The demo's journey and campaign emails as block-editor documents (not raw HTML), so each
// opens in the editor exactly as the preview and the dev inbox show it. Demo attributes only:
// firstName, city, loyaltyTier, signedUpAt (see demo-profiles.ts).

const hi = (): TDocNode => heading(1, ["Hi ", tag("profile.firstName", "there"), ","]);
const highlight = (title: string, body: string): TDocNode[] => [heading(3, [title]), paragraph([body])];

/** A journey email: greeting, the message, two highlights side by side, a button, the footer. */
export function journeyEmailDocument(body: string): TDocNode {
  return doc(
    hi(),
    paragraph([body]),
    columns(highlight("New arrivals", "Fresh colours and light fabrics for the season."), highlight("Free returns", "Changed your mind? Send it back within 30 days.")),
    button("See what's new", "https://shop.example/new"),
    ...standardFooter(),
  );
}

export const journeyEmail = (subject: string, body: string) => ({ kind: "email", content: { subject, preheader: body.split(".")[0], document: journeyEmailDocument(body) } });

/** The Gold promotion campaign: a coloured banner, three categories, the offer's button. */
export const GOLD_PROMOTION_EMAIL = {
  subject: '{{ profile.firstName | default: "Hello" }}, 20% off for Gold members',
  preheader: "Three days only",
  document: doc(
    section([heading(1, ["Thank you, ", tag("profile.firstName", "friend")], "center"), paragraph(["As a ", bold("Gold member"), " you get 20% off everything until Sunday."], { alignment: "center" })], "background-color:#fef3c7;padding:24px;border-radius:12px"),
    spacer(16),
    columns(
      [heading(3, ["Shoes"]), paragraph(["Sneakers, boots and sandals."])],
      [heading(3, ["Bags"]), paragraph(["Totes, backpacks, clutches."])],
      [heading(3, ["Jackets"]), paragraph(["Light layers for spring."])],
    ),
    button("Shop the sale", "https://shop.example/gold-sale", { style: "background-color:#b45309;color:#ffffff;border-radius:999px;padding:12px 28px" }),
    paragraph(["Member since ", tag("profile.signedUpAt", "day one"), " in ", tag("profile.city", "your city"), "."], { alignment: "center", style: "font-size:13px;color:#71717a" }),
    ...standardFooter(),
  ),
};

/** The transactional password reset: no marketing footer, no unsubscribe link. */
export const PASSWORD_RESET_EMAIL = {
  subject: "Reset your password",
  preheader: "The link works for a short time",
  document: doc(
    hi(),
    paragraph(["Someone asked to reset the password of your account. The link below works for ", tag("context.expiresInMinutes", "30"), " minutes."]),
    button("Choose a new password", "{{ context.resetUrl }}"),
    divider(),
    paragraph(["If it was not you, ignore this email: your password stays as it is. Questions? ", link("Contact support", "https://shop.example/help")], { style: "font-size:13px;color:#71717a" }),
  ),
};
