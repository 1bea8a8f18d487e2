import { describe, expect, it } from "vitest";
import { compileEmail } from "@/server/messaging/compile-email";
import { renderLiquid } from "@/server/messaging/liquid";
import { chipifyDocument, splitMergeTags } from "./chipify";

describe("chipifyDocument", () => {
  it("turns simple output tags into chips, keeping marks and surrounding text", () => {
    const bold = [{ type: "bold" }];
    expect(splitMergeTags({ type: "text", text: 'Hi {{ profile.firstName | default: "there" }}, order {{context.orderId}}!', marks: bold })).toEqual([
      { type: "text", text: "Hi ", marks: bold },
      { type: "mergeTag", attrs: { path: "profile.firstName", fallback: "there" }, marks: bold },
      { type: "text", text: ", order ", marks: bold },
      { type: "mergeTag", attrs: { path: "context.orderId", fallback: "" }, marks: bold },
      { type: "text", text: "!", marks: bold },
    ]);
  });

  it("leaves logic tags, other filters, unknown roots and code blocks as text", () => {
    const text = "{% if profile.vip %}VIP{% endif %} {{ profile.name | upcase }} {{ order.id }}";
    expect(splitMergeTags({ type: "text", text })).toEqual([{ type: "text", text }]);
    const code = { type: "codeBlock", content: [{ type: "text", text: "{{ profile.firstName }}" }] };
    expect(chipifyDocument({ type: "doc", content: [code] })).toEqual({ type: "doc", content: [code] });
  });

  it("renders the same email before and after: the chip is the Liquid it replaced", async () => {
    const document = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Hello {{ profile.firstName | default: 'friend' }} from {{ profile.city }}" }] }] };
    const scope = { profile: { city: "Austin" } };
    const before = renderLiquid((await compileEmail({ subject: "s", document })).text, scope);
    const after = renderLiquid((await compileEmail({ subject: "s", document: chipifyDocument(document) })).text, scope);
    expect(after).toBe("Hello friend from Austin");
    expect(before).toBe(after);
  });
});
