"use client";
import { useQuery } from "@tanstack/react-query";
import { Inbox, Mail, MessageSquare, Smartphone } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Card, EmptyState } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { MessagePreview } from "./message-preview";

const ICONS = { email: Mail, push: Smartphone, sms: MessageSquare } as const;

/** What the dev-inbox configurations captured instead of sending, rendered as received. */
export function DevInbox() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.messages.list.queryOptions({ workspaceId: ws.id, devInbox: true, limit: 50 }), refetchInterval: 3_000 });
  const [selected, setSelected] = useState<string | null>(null);
  const current = selected ?? list.data?.messages[0]?.id ?? null;
  const message = useQuery({ ...trpc.messages.get.queryOptions({ workspaceId: ws.id, messageId: current ?? "00000000-0000-0000-0000-000000000000" }), enabled: Boolean(current) });
  if (list.data && list.data.messages.length === 0) {
    return <EmptyState icon={<Inbox className="size-6" />} title="The dev inbox is empty" description="In embedded mode every channel has a Dev inbox configuration: messages sent through it land here, rendered, instead of leaving your machine." />;
  }
  return (
    <div className="grid items-start gap-6 lg:grid-cols-[340px_minmax(0,1fr)]">
      <Card>
        <ul className="max-h-[720px] divide-y divide-zinc-100 overflow-auto" data-testid="inbox-list">
          {list.data?.messages.map((m) => {
            const Icon = ICONS[m.kind as keyof typeof ICONS] ?? Inbox;
            return (
              <li key={m.id}>
                <button type="button" onClick={() => setSelected(m.id)} className={cn("flex w-full gap-3 px-4 py-3 text-left hover:bg-zinc-50", m.id === current && "bg-brand-50/60")} data-testid="inbox-item">
                  <Icon className="mt-0.5 size-4 shrink-0 text-zinc-400" />
                  <span className="min-w-0 flex-1">
                    <span className="flex justify-between gap-2 text-xs text-zinc-500"><span className="truncate">{m.recipient ?? "—"}</span><span className="shrink-0">{formatRelative(m.createdAt)}</span></span>
                    <span className="block truncate text-sm font-medium text-zinc-900">{m.title ?? "(no content)"}</span>
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </Card>
      <Card>
        {message.data ? (
          <>
            <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-2 text-xs text-zinc-500">
              <span>To {message.data.recipient} · {message.data.kind}</span>
              <Link href={`/${ws.slug}/messages/${message.data.id}`} className="text-brand-700 hover:underline">Timeline</Link>
            </div>
            <MessagePreview kind={message.data.kind} content={message.data.content} />
          </>
        ) : (
          <p className="p-8 text-center text-sm text-zinc-500">Select a message.</p>
        )}
      </Card>
    </div>
  );
}
