"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Badge, Button, Table, TBody, TD, TH, THead, TR, type BadgeTone } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";

const TONE: Record<string, BadgeTone> = { delivered: "green", sent: "green", failed: "red", bounced: "red", complained: "red", suppressed: "gray", deferred: "amber", queued: "blue", sending: "blue" };

/** The recipients of an execution with their message's status and first open and click (a person's), 50 at a time. */
export function RecipientsTable({ campaignId, executionId, live }: { campaignId: string; executionId: string; live: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [cursors, setCursors] = useState<number[]>([0]);
  const after = cursors[cursors.length - 1]!;
  const page = useQuery({ ...trpc.campaigns.recipients.queryOptions({ workspaceId: ws.id, campaignId, executionId, after }), placeholderData: keepPreviousData, refetchInterval: live ? 3000 : false });
  const rows = page.data?.rows ?? [];
  if (!rows.length && after === 0) return <p className="px-5 py-6 text-sm text-zinc-500">No recipients yet: the audience is snapshotted at send time.</p>;
  return (
    <div>
      <Table>
        <THead>
          <TR><TH>#</TH><TH>Recipient</TH><TH>Status</TH><TH>Sent</TH><TH>Opened</TH><TH>Clicked</TH><TH>Error</TH></TR>
        </THead>
        <TBody>
          {rows.map((r) => (
            <TR key={r.position} data-testid="recipient-row">
              <TD className="text-zinc-400 tabular-nums">{r.position}</TD>
              <TD><Link className="text-zinc-900 hover:text-brand-700" href={`/${ws.slug}/profiles/${r.profileId}`}>{r.email ?? r.recipient ?? r.profileId.slice(0, 8)}</Link></TD>
              <TD>{r.status ? (r.messageId ? <Link href={`/${ws.slug}/messages/${r.messageId}`}><Badge tone={TONE[r.status] ?? "gray"}>{r.status}</Badge></Link> : null) : <Badge>not sent yet</Badge>}</TD>
              <TD className="text-zinc-500">{r.sentAt ? formatDateTime(r.sentAt) : "—"}</TD>
              <TD className="text-zinc-500" data-testid="recipient-opened">{r.openedAt ? formatDateTime(r.openedAt) : "—"}</TD>
              <TD className="text-zinc-500">{r.clickedAt ? formatDateTime(r.clickedAt) : "—"}</TD>
              <TD className="max-w-64 truncate text-xs text-red-700">{r.complainedAt ? "Marked as spam" : (r.error ?? "")}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
      <div className="flex justify-end gap-2 border-t border-zinc-100 px-4 py-2">
        <Button size="sm" variant="ghost" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>Previous</Button>
        <Button size="sm" variant="ghost" disabled={page.data?.next == null} onClick={() => setCursors((c) => [...c, page.data!.next!])}>Next</Button>
      </div>
    </div>
  );
}
