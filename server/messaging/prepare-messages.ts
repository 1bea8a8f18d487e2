import type { DbOrTx } from "@/db/client";
import type { TChannelKind, TRecipient } from "@/plugins/sdk";
import type { TMessageRow } from "./message-events";
import { isE164 } from "@/server/profiles/phone-number";
import { addressFor, resolveRecipients } from "./recipient";
import type { TCompiledEmail } from "./compile-email";
import type { TReads } from "./liquid";
import { compiledEmail, renderCompiled } from "./render-message";
import type { TSendShared, TSendTarget } from "./send-messages";
import { shortenSmsLinks } from "./short-links";
import type { TEmailContent } from "./content";
import { readsFor, scopeToKeep } from "./content-refs";

/** A message this worker claimed, at its place in the send. */
export interface TClaimed {
  index: number;
  message: TMessageRow;
  target: TSendTarget;
}

export interface TPrepared extends TClaimed {
  recipient: TRecipient;
  address: string | null;
  timezone: string | null;
  profile: Record<string, unknown>;
}

/** Ends a message before delivery (failed, suppressed, deferred) with its history data. */
export type TFinish = (m: TClaimed, status: "failed" | "suppressed" | "deferred", data: Record<string, unknown>, address: string | null, until?: Date) => void;

type TBatch = TSendShared & { channelKind?: TChannelKind };

/** Finds every claimed message's recipient in one statement; a vanished profile or a missing address fails its message. */
export async function prepareMessages(db: DbOrTx, batch: TBatch, claimed: TClaimed[], finish: TFinish): Promise<TPrepared[]> {
  const profileIds = [...new Set(claimed.flatMap((c) => (c.target.profileId ? [c.target.profileId] : [])))];
  const resolved = await resolveRecipients(db, batch.workspaceId, profileIds);
  const prepared: TPrepared[] = [];
  for (const c of claimed) {
    const found = c.target.profileId ? resolved.get(c.target.profileId) : undefined;
    if (c.target.profileId && !found) {
      finish(c, "failed", { error: "The profile no longer exists" }, null);
      continue;
    }
    const recipient: TRecipient = { ...(found?.recipient ?? { profileId: "" }), ...c.target.to };
    const address = addressFor(batch.kind, recipient);
    if (batch.channelKind && !batch.channelKind.reachable(recipient)) {
      finish(c, "failed", { error: `Not reachable: no ${batch.kind} address` }, null);
      continue;
    }
    if (batch.kind === "sms" && !isE164(recipient.phone)) {
      finish(c, "failed", { error: `Invalid phone number: ${recipient.phone ?? "none"}` }, address);
      continue;
    }
    const profile = found ? { ...found.attributes, id: c.target.profileId, email: recipient.email, phone: recipient.phone } : { email: recipient.email, phone: recipient.phone };
    prepared.push({ ...c, recipient, address, timezone: found?.timezone ?? null, profile });
  }
  return prepared;
}

/** A rendered message; `kept`: an email stored by reference (its version's key and the merge values it read). */
export type TRendered = TPrepared & { rendered: Record<string, unknown>; kept?: { key: string; scope: Record<string, unknown> } };

/** An email's compiled template, and what it reads when it is stored by reference (it has a cacheKey); the error that fails every message when it does not compile. */
async function compiledFor(batch: TBatch): Promise<{ email: TCompiledEmail | null; reads: TReads | null } | Error> {
  if (batch.kind !== "email") return { email: null, reads: null };
  const content = batch.content as TEmailContent;
  try {
    const email = await compiledEmail(batch.cacheKey ?? null, content);
    return { email, reads: batch.cacheKey ? await readsFor(batch.cacheKey, content) : null };
  } catch (error) {
    return error as Error;
  }
}

const renderFailure = (error: Error) => ({ error: `Could not render: ${error.message.split("\n")[0]}` });

/** Personalizes each message (the compiled template and Liquid), shortens SMS links, checks the kind's schema; a failure fails only its message. */
export async function renderMessages(db: DbOrTx, batch: TBatch, prepared: TPrepared[], finish: TFinish): Promise<TRendered[]> {
  const out: TRendered[] = [];
  if (prepared.length === 0) return out;
  const cacheKey = batch.cacheKey ?? null;
  // Compiled and analysed once for the batch, so each recipient's render is synchronous.
  const compiled = await compiledFor(batch);
  if (compiled instanceof Error) {
    for (const p of prepared) finish(p, "failed", renderFailure(compiled), p.address);
    return out;
  }
  for (const p of prepared) {
    try {
      const scope = { profile: p.profile, context: p.target.context ?? {}, event: p.target.event ?? {}, message: { id: p.message.id }, workspace: { id: batch.workspaceId } };
      let rendered = renderCompiled({ kind: batch.kind, content: batch.content, cacheKey, messageId: p.message.id, track: true, transactional: batch.transactional, scope }, compiled.email);
      if (batch.kind === "sms" && typeof rendered.text === "string") rendered = { ...rendered, text: await shortenSmsLinks(db, p.message.id, rendered.text) };
      if (batch.channelKind) rendered = batch.channelKind.content.parse(rendered) as Record<string, unknown>;
      out.push(compiled.reads ? { ...p, rendered, kept: { key: cacheKey!, scope: scopeToKeep(compiled.reads, scope) } } : { ...p, rendered });
    } catch (error) {
      finish(p, "failed", renderFailure(error as Error), p.address);
    }
  }
  return out;
}
