"use client";
import Link from "next/link";
import { Badge } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

type TSourced = { sourceType: string; sourceId: string | null; sourceName?: string | null };

/** Where a message came from: "journey · Welcome…" linking to the journey or campaign. */
export function MessageSource({ m }: { m: TSourced }) {
  const ws = useWorkspace();
  const path = m.sourceType === "journey" ? "journeys" : m.sourceType === "campaign" ? "campaigns" : null;
  if (!path || !m.sourceId) return <Badge tone="gray">{m.sourceType}</Badge>;
  const label = m.sourceName ?? `${m.sourceType} (deleted)`;
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <Badge tone="gray">{m.sourceType}</Badge>
      {m.sourceName ? <Link href={`/${ws.slug}/${path}/${m.sourceId}`} className="truncate text-sm text-brand-700 hover:underline" data-testid="message-source">{label}</Link> : <span className="truncate text-sm text-zinc-500">{label}</span>}
    </span>
  );
}

type TShown = { kind: string; status: string; error: string | null; recipient: string | null; profileId: string | null };

/** What the log shows for a message with no content yet: why it was not sent. */
export function notSentTitle(m: TShown & { sourceName?: string | null }): string {
  const what = m.sourceName ? `${m.kind} from ${m.sourceName}` : `${m.kind} message`;
  return m.error ? `Not sent (${what}): ${m.error}` : m.status === "queued" ? `Queued ${what}` : `${what}, not rendered`;
}

/** The recipient, or why there is none (the profile has no address for this channel). */
export function recipientLabel(m: TShown): string {
  if (m.recipient) return m.recipient;
  return m.profileId ? `No ${m.kind} address on the profile` : "No recipient";
}
