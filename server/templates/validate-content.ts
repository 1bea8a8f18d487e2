import { z } from "zod";
import { AppError } from "@/server/errors";
import { compileEmail } from "@/server/messaging/compile-email";
import { CONTENT_SCHEMAS, type TEmailContent } from "@/server/messaging/content";
import { validateLiquid } from "@/server/messaging/liquid";
import { TEMPLATE_KINDS, type TTemplateKind } from "./template-kinds";

export const ZTemplateKind = z.enum(TEMPLATE_KINDS, { error: "Kind must be email, push or sms" });

/** The text fields of each kind that may hold Liquid; the email body is checked once compiled. */
const LIQUID_FIELDS: Record<TTemplateKind, string[]> = {
  email: ["subject", "preheader", "html"],
  push: ["title", "body", "imageUrl", "url"],
  sms: ["text"],
};

/**
 * The content as its kind's schema has it, with every merge tag checked; an email is also
 * compiled, so a document that does not render is refused at save, not at send. Errors name
 * the field as `content.<field>`.
 */
export async function validateContent(kind: TTemplateKind, raw: unknown): Promise<Record<string, unknown>> {
  const parsed = CONTENT_SCHEMAS[kind]!.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("BAD_REQUEST", issue.message, ["content", ...issue.path].join("."));
  }
  const content = parsed.data;
  for (const field of LIQUID_FIELDS[kind]) {
    const value = content[field];
    if (typeof value === "string" && value) validateLiquid(value, `content.${field}`);
  }
  if (kind === "email") {
    const email = await withField(() => compileEmail(content as TEmailContent), "content.document");
    validateLiquid(email.html, "content.document");
  }
  return content;
}

async function withField<T>(run: () => Promise<T>, field: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError) throw new AppError(error.code, error.message, field);
    throw new AppError("BAD_REQUEST", `The email does not render: ${(error as Error).message.split("\n")[0]}`, field);
  }
}
