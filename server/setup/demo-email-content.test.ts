import { describe, expect, it } from "vitest";
import { renderLiquid } from "@/server/messaging/liquid";
import { validateContent } from "@/server/templates/validate-content";
import { compileEmail } from "@/server/messaging/compile-email";
import { GOLD_PROMOTION_EMAIL, journeyEmail, PASSWORD_RESET_EMAIL } from "./demo-email-content";
import { DEMO_TEMPLATES } from "./demo-templates";

// Attributes the demo profiles have (demo-profiles.ts), plus the built-in id/email/phone.
const DEMO_ATTRIBUTES = new Set(["firstName", "lastName", "city", "country", "birthYear", "birthDate", "email", "phone", "loyaltyTier", "hasMobileApp", "signedUpAt", "id"]);

const profileKeys = (value: unknown) => [...JSON.stringify(value).matchAll(/profile\.([A-Za-z_]\w*)/g)].map((m) => m[1]!);
const texts = (node: unknown): string[] => {
  const n = node as { text?: string; content?: unknown[] };
  return [...(n.text ? [n.text] : []), ...(n.content ?? []).flatMap(texts)];
};

const EMAILS = { journey: journeyEmail("Welcome", "Our spring collection is here.").content, promotion: GOLD_PROMOTION_EMAIL, reset: PASSWORD_RESET_EMAIL };

describe("the demo's emails and templates", () => {
  it.each(Object.entries(EMAILS))("%s email is an editor document with merge tags as chips, valid at save", async (_name, content) => {
    expect(content).not.toHaveProperty("html");
    expect(content.document.type).toBe("doc");
    expect(texts(content.document).join(" ")).not.toContain("{{");
    await expect(validateContent("email", content)).resolves.toMatchObject({ subject: content.subject });
  });

  it("uses only attributes the demo profiles have (signedUpAt, not signupDate)", () => {
    const keys = profileKeys([EMAILS, DEMO_TEMPLATES]);
    expect(keys).toContain("signedUpAt");
    expect(keys.filter((k) => !DEMO_ATTRIBUTES.has(k))).toEqual([]);
  });

  it("personalizes the promotion for a demo profile", async () => {
    const html = renderLiquid((await compileEmail(GOLD_PROMOTION_EMAIL)).html, { profile: { firstName: "Maya", signedUpAt: "2025-03-02", city: "Seattle" }, unsubscribe_url: "https://u.example" }, "html");
    expect(html).toMatch(/Thank you, Maya/);
    expect(html).toMatch(/Member since 2025-03-02 in Seattle/);
    expect(html).toContain('href="https://u.example"');
  });

  it("has templates per channel: welcome, newsletter, order confirmation and win-back emails, pushes and SMS, all valid", async () => {
    const byKind = (kind: string) => DEMO_TEMPLATES.filter((t) => t.kind === kind).map((t) => t.name);
    expect(byKind("email")).toEqual(["Welcome", "Newsletter: spring edit", "Order confirmation", "Win-back: 15% off"]);
    expect(byKind("push").length).toBeGreaterThanOrEqual(2);
    expect(byKind("sms").length).toBeGreaterThanOrEqual(2);
    for (const t of DEMO_TEMPLATES) await expect(validateContent(t.kind, t.content), t.name).resolves.toBeTruthy();
  });
});
