import { z } from "zod";

const text = (v: unknown) => (typeof v === "string" ? v : null);

/** The parts of a rendered content the API names: an email's subject, preheader, text and HTML; a push's title and body; an SMS's text. */
export const ZRenderedFields = z.object({
  subject: z.string().nullable().describe("An email's subject or a push's title"),
  preheader: z.string().nullable(),
  text: z.string().nullable().describe("The text part of an email, a push body or an SMS"),
  html: z.string().nullable(),
});

export function renderedFields(content: Record<string, unknown> | null): z.infer<typeof ZRenderedFields> {
  const c = content ?? {};
  return { subject: text(c.subject) ?? text(c.title), preheader: text(c.preheader), text: text(c.text) ?? text(c.body), html: text(c.html) };
}
