"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, Card, CardHeader, PageHeader, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { MessagePreview } from "./message-preview";
import { MessageSource, notSentTitle, recipientLabel } from "./message-source";
import { MessageStatusBadge } from "./message-status-badge";

/** One message: who, what, and its timeline (sent -> delivered -> opened -> clicked ...). */
export function MessageDetail({ messageId }: { messageId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const message = useQuery({ ...trpc.messages.get.queryOptions({ workspaceId: ws.id, messageId }), refetchInterval: 3_000 });
  if (message.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!message.data) return <p role="alert" className="text-sm text-red-700">{messageOf(message.error) || "Message not found"}</p>;
  const m = message.data;
  const title = String(m.content?.subject ?? m.content?.title ?? m.content?.text ?? notSentTitle(m));
  return (
    <div className="space-y-6">
      <PageHeader title={title} description={<>To {recipientLabel(m)}{m.profileId && <> · <Link className="text-brand-700 hover:underline" href={`/${ws.slug}/profiles/${m.profileId}`}>profile</Link></>}</>}>
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <MessageStatusBadge status={m.status} />
          <Badge tone="gray">{m.kind}</Badge>
          <MessageSource m={m} />
          {m.isTest && <Badge tone="amber">test</Badge>}
          <span className="text-xs text-zinc-500">via {m.pluginId}</span>
        </div>
      </PageHeader>
      {m.error && <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{m.error}</p>}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_300px]">
        <Card><MessagePreview kind={m.kind} content={m.content} /></Card>
        <Card>
          <CardHeader title="Timeline" />
          <ol className="space-y-3 px-5 py-4" data-testid="message-history">
            <li className="flex items-start gap-3 text-sm"><span className="mt-1.5 size-2 rounded-full bg-zinc-300" /><div><div className="font-medium text-zinc-800">created</div><div className="text-xs text-zinc-500">{formatDateTime(m.createdAt)}</div></div></li>
            {m.history.map((h, i) => (
              <li key={i} className="flex items-start gap-3 text-sm" data-testid={`history-${h.type}`}>
                <span className="mt-1.5 size-2 rounded-full bg-brand-500" />
                <div className="min-w-0">
                  <div className="font-medium text-zinc-800">{h.type}</div>
                  <div className="text-xs text-zinc-500">{formatDateTime(h.at)}</div>
                  {detail(h.data) && <div className="truncate text-xs text-zinc-500" title={detail(h.data)}>{detail(h.data)}</div>}
                </div>
              </li>
            ))}
          </ol>
        </Card>
      </div>
    </div>
  );
}

function detail(data: Record<string, unknown> | null): string {
  if (!data) return "";
  return ["url", "reason", "error", "until"].map((k) => data[k]).filter((v) => typeof v === "string").join(" · ");
}
