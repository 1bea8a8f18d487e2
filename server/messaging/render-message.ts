import type { TEmailContent, TPushContent, TSmsContent } from "./content";
import { compileEmail, withoutUnsubscribeLinks, type TCompiledEmail } from "./compile-email";
import { renderLiquid, type TMergeScope } from "./liquid";
import { trackingUrls, unsubscribeHeaders } from "./track-links";
import { renderTrackedHtml } from "./tracked-html";
import { renderTrackedText } from "./tracked-text";

// Compiled emails by template version: the react-email render runs once per version and
// process, then each recipient costs only the Liquid pass.
const compiled = new Map<string, Promise<TCompiledEmail>>();
const MAX_COMPILED = 500;

export function compiledEmail(cacheKey: string | null, content: TEmailContent): Promise<TCompiledEmail> {
  if (!cacheKey) return compileEmail(content);
  let entry = compiled.get(cacheKey);
  if (!entry) {
    entry = compileEmail(content);
    entry.catch(() => compiled.delete(cacheKey));
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(cacheKey, entry);
  }
  return entry;
}

export interface TRenderInput {
  kind: string;
  content: Record<string, unknown>;
  /** templateId:version (or another stable key of the content); null renders without caching. */
  cacheKey: string | null;
  scope: TMergeScope;
  messageId: string;
  /** Tracking links and pixel (off for test previews). */
  track: boolean;
  /** No List-Unsubscribe headers, no unsubscribe link, {{ unsubscribe_url }} empty: nothing to unsubscribe from. */
  transactional?: boolean;
}

/** The message as the plugin receives it: personalized, with tracking and (unless transactional) unsubscribe headers. */
export async function renderMessage(input: TRenderInput): Promise<Record<string, unknown>> {
  return renderCompiled(input, input.kind === "email" ? await compiledEmail(input.cacheKey, input.content as TEmailContent) : null);
}

/** renderMessage with the email already compiled (null for other kinds): no promise a message in a send's loop over its recipients. */
export function renderCompiled(input: TRenderInput, email: TCompiledEmail | null): Record<string, unknown> {
  const urls = trackingUrls(input.messageId);
  const scope = { ...input.scope, unsubscribe_url: input.transactional ? "" : urls.unsubscribe };
  if (input.kind === "email") {
    if (!email) throw new Error("An email renders from its compiled template");
    const content = input.content as TEmailContent;
    const body = input.transactional ? withoutUnsubscribeLinks(email) : email;
    return {
      subject: renderLiquid(content.subject, scope),
      html: input.track ? renderTrackedHtml(body.html, scope, urls) : renderLiquid(body.html, scope, "html"),
      text: input.track ? renderTrackedText(body.text, scope, urls) : renderLiquid(body.text, scope),
      ...(input.transactional ? {} : { headers: unsubscribeHeaders(urls.unsubscribe) }),
    };
  }
  if (input.kind === "push") {
    const c = input.content as TPushContent;
    const url = c.url ? renderLiquid(c.url, scope) : undefined;
    return {
      title: renderLiquid(c.title, scope),
      body: renderLiquid(c.body, scope),
      ...(c.imageUrl ? { imageUrl: renderLiquid(c.imageUrl, scope) } : {}),
      ...(input.track ? { url: urls.pushOpen(url) } : url ? { url } : {}),
      data: { messageId: input.messageId },
    };
  }
  if (input.kind === "sms") return { text: renderLiquid((input.content as TSmsContent).text, scope) };
  return personalizeStrings(input.content, scope) as Record<string, unknown>;
}

/** A plugin-defined kind: Liquid in every string of its content. */
function personalizeStrings(value: unknown, scope: TMergeScope): unknown {
  if (typeof value === "string") return renderLiquid(value, scope);
  if (Array.isArray(value)) return value.map((v) => personalizeStrings(v, scope));
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, personalizeStrings(v, scope)]));
  return value;
}
