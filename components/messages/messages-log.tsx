"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { Button, Card, Input, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { useDebounced } from "@/lib/use-debounced";
import { MessageStatusBadge } from "./message-status-badge";
import { MessageSource, notSentTitle, recipientLabel } from "./message-source";

const MESSAGE_STATUSES = ["queued", "sending", "deferred", "sent", "delivered", "failed", "suppressed", "bounced", "complained", "expired"] as const;
type TStatus = (typeof MESSAGE_STATUSES)[number];

/** The message log with filters; also the profile page's panel (fixed profileId). */
export function MessagesLog({ profileId, sourceId, compact = false }: { profileId?: string; sourceId?: string; compact?: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [kind, setKind] = useState("");
  const [status, setStatus] = useState<TStatus | "">("");
  const [search, setSearch] = useState("");
  const debounced = useDebounced(search, 300);
  const list = useInfiniteQuery(
    trpc.messages.list.infiniteQueryOptions(
      { workspaceId: ws.id, profileId, sourceId, kind: kind || undefined, status: status || undefined, search: debounced || undefined, limit: compact ? 10 : 30 },
      { getNextPageParam: (p) => p.nextCursor ?? undefined, refetchInterval: 5_000 },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.messages) ?? [];
  return (
    <div className="space-y-3">
      {!compact && (
        <div className="flex flex-wrap gap-2">
          <Input aria-label="Search recipient" placeholder="Search recipient…" value={search} onChange={(e) => setSearch(e.target.value)} className="w-64" />
          <Select aria-label="Channel" value={kind} onChange={(e) => setKind(e.target.value)} wrapperClassName="w-36">
            <option value="">All channels</option>
            {["email", "push", "sms", "webhook", "slack"].map((k) => <option key={k} value={k}>{k}</option>)}
          </Select>
          <Select aria-label="Status" value={status} onChange={(e) => setStatus(e.target.value as TStatus | "")} wrapperClassName="w-36">
            <option value="">Any status</option>
            {MESSAGE_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </div>
      )}
      <Card>
        {rows.length === 0 ? (
          <p className="px-5 py-8 text-center text-sm text-zinc-500">{list.isLoading ? "Loading…" : "No messages yet."}</p>
        ) : (
          <Table>
            <THead>
              <TR><TH>Message</TH><TH>To</TH><TH>Status</TH><TH>Source</TH><TH>When</TH></TR>
            </THead>
            <TBody>
              {rows.map((m) => (
                <TR key={m.id} data-testid="message-row">
                  <TD className="max-w-sm">
                    <Link href={`/${ws.slug}/messages/${m.id}`} className={`block truncate font-medium hover:text-brand-700 ${m.title ? "text-zinc-900" : "text-amber-800"}`} title={m.title ?? notSentTitle(m)}>{m.title ?? notSentTitle(m)}</Link>
                    <span className="text-xs text-zinc-500">{m.kind}{m.isTest ? " · test" : ""}</span>
                  </TD>
                  <TD className={m.recipient ? "text-zinc-600" : "text-zinc-400 italic"}>{recipientLabel(m)}</TD>
                  <TD><MessageStatusBadge status={m.status} /></TD>
                  <TD className="max-w-56"><MessageSource m={m} /></TD>
                  <TD className="text-zinc-500">{formatRelative(m.createdAt)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {list.hasNextPage && <div className="border-t border-zinc-100 p-3 text-center"><Button variant="secondary" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>Load more</Button></div>}
      </Card>
    </div>
  );
}
