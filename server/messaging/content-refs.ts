import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { messageContents, type messages } from "@/db/schema";
import { CORE_KINDS } from "@/plugins/sdk";
import type { TEmailContent } from "./content";
import { readsOf, type TMergeScope, type TReads } from "./liquid";
import { compiledEmail, renderMessage } from "./render-message";

// An email rendered from a versioned content is stored by reference: its subject, the source
// content once per version (message_contents), and only the merge values its template reads.
// Reading the message renders the HTML and text again: the same template, values, message id
// and tracking key give the same email. (Liquid's "now" would give the reading time; the
// HTML of a message sent before a change of PARCOURS_SECRET_KEY shows the new tracking links.)

const readsByKey = new Map<string, Promise<TReads>>();
const kept = new Set<string>();
const MAX_CACHED = 2_000;

function remember<K, V>(map: Map<K, V> | Set<K>, key: K, value?: V) {
  if (map.size >= MAX_CACHED) map.delete(map.keys().next().value as K);
  if (map instanceof Map) map.set(key, value as V);
  else map.add(key);
}

/** What an email version's subject, HTML and text read (once per version and process). */
export function readsFor(cacheKey: string, content: TEmailContent): Promise<TReads> {
  let reads = readsByKey.get(cacheKey);
  if (!reads) {
    reads = compiledEmail(cacheKey, content).then((email) => readsOf([content.subject, email.html, email.text]));
    reads.catch(() => readsByKey.delete(cacheKey));
    remember(readsByKey, cacheKey, reads);
  }
  return reads;
}

/** The merge values of this scope that the email reads (readsFor), to keep with the message. */
export function scopeToKeep(known: TReads, scope: TMergeScope): Record<string, unknown> {
  const keep: Record<string, unknown> = {};
  for (const root of ["profile", "context", "event"] as const) {
    const wanted = known[root];
    const value = scope[root] as Record<string, unknown> | undefined;
    if (!wanted || !value || typeof value !== "object") continue;
    keep[root] = wanted === "all" ? value : Object.fromEntries([...wanted].filter((k) => k in value).map((k) => [k, value[k]]));
  }
  return keep;
}

/** Stores a version's source content once (per process, then ON CONFLICT for other processes). */
export async function keepContent(db: DbOrTx, workspaceId: string, key: string, kind: string, content: Record<string, unknown>): Promise<void> {
  const id = `${workspaceId}\u0000${key}`;
  if (kept.has(id)) return;
  await db.insert(messageContents).values({ workspaceId, key, kind, content }).onConflictDoNothing();
  remember(kept, id);
}

type TMessage = Pick<typeof messages.$inferSelect, "id" | "workspaceId" | "kind" | "sourceType" | "content" | "contentKey" | "contentScope">;

/** The message's whole content: as stored, or rendered again from its version and kept values. */
export async function fullContentOf(db: DbOrTx, message: TMessage): Promise<Record<string, unknown> | null> {
  if (!message.contentKey) return message.content;
  const [source] = await db
    .select({ content: messageContents.content })
    .from(messageContents)
    .where(and(eq(messageContents.workspaceId, message.workspaceId), eq(messageContents.key, message.contentKey)));
  if (!source) return message.content;
  const scope = { ...message.contentScope, message: { id: message.id }, workspace: { id: message.workspaceId } };
  const rendered = await renderMessage({ kind: message.kind, content: source.content, cacheKey: message.contentKey, scope, messageId: message.id, track: true, transactional: message.sourceType === "transactional" });
  const kind = CORE_KINDS[message.kind as keyof typeof CORE_KINDS];
  return { ...(kind ? (kind.content.parse(rendered) as Record<string, unknown>) : rendered), ...message.content };
}
