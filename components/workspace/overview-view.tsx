"use client";
import { CheckCircle2, Circle, History, KeyRound, Send, Users, UsersRound, Zap } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { AuditDiff } from "@/components/audit/audit-diff";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { formatRelative } from "@/lib/format";
import type { workspaceOverview } from "@/server/workspaces/workspace-overview";
import { useWorkspace } from "./workspace-context";

type TOverview = Awaited<ReturnType<typeof workspaceOverview>>;

function Stat({ icon, label, value, href }: { icon: ReactNode; label: string; value: number; href?: string }) {
  const body = (
    <Card className="p-5 transition hover:border-brand-200">
      <div className="flex items-center gap-2 text-sm text-zinc-500">{icon}{label}</div>
      <div className="mt-2 text-3xl font-semibold tabular-nums tracking-tight">{value.toLocaleString()}</div>
    </Card>
  );
  return href ? <Link href={href}>{body}</Link> : body;
}

export function OverviewView({ firstName, overview }: { firstName: string; overview: TOverview }) {
  const ws = useWorkspace();
  const base = `/${ws.slug}/settings`;
  const steps = [
    { done: overview.members + overview.pendingInvites > 1, label: "Invite your team", detail: "Give each teammate the role that fits.", href: `${base}/members`, show: ws.can("members.read") },
    { done: overview.activeKeys > 0, label: "Create an API key", detail: "Write keys send profiles and events from your app.", href: `${base}/api-keys`, show: ws.can("apiKeys.read") },
  ].filter((s) => s.show);
  return (
    <div className="space-y-8">
      <PageHeader title={`Welcome, ${firstName}`} description={`Here is what is happening in ${ws.name}.`} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat icon={<Users className="size-4" />} label="Profiles" value={overview.profiles} href={`/${ws.slug}/profiles`} />
        <Stat icon={<Zap className="size-4" />} label="Events this week" value={overview.eventsThisWeek} href={`/${ws.slug}/events`} />
        <Stat icon={<UsersRound className="size-4" />} label="Audiences" value={overview.audiences} href={`/${ws.slug}/audiences`} />
        <Stat icon={<Send className="size-4" />} label="Messages this week" value={overview.messagesThisWeek} href={`/${ws.slug}/messages`} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat icon={<Users className="size-4" />} label="Members" value={overview.members} href={`${base}/members`} />
        <Stat icon={<KeyRound className="size-4" />} label="Active API keys" value={overview.activeKeys} href={ws.can("apiKeys.read") ? `${base}/api-keys` : undefined} />
        <Stat icon={<History className="size-4" />} label="Changes this week" value={overview.changesThisWeek} href={ws.can("audit.read") ? `${base}/audit-log` : undefined} />
      </div>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        {steps.length > 0 && (
          <Card>
            <CardHeader title="Get started" description={`${steps.filter((s) => s.done).length} of ${steps.length} done`} />
            <CardBody className="space-y-1">
              {steps.map((s) => (
                <Link key={s.label} href={s.href} className="flex items-start gap-3 rounded-lg p-2 hover:bg-zinc-50">
                  {s.done ? <CheckCircle2 className="mt-0.5 size-5 text-emerald-500" /> : <Circle className="mt-0.5 size-5 text-zinc-300" />}
                  <span>
                    <span className={s.done ? "text-sm font-medium text-zinc-500 line-through" : "text-sm font-medium"}>{s.label}</span>
                    <span className="block text-xs text-zinc-500">{s.detail}</span>
                  </span>
                </Link>
              ))}
            </CardBody>
          </Card>
        )}
        {overview.recent && (
          <Card>
            <CardHeader title="Recent activity" actions={<Link href={`${base}/audit-log`} className="text-sm font-medium text-brand-700 hover:underline">View all</Link>} />
            <CardBody>
              <ul className="divide-y divide-zinc-100">
                {overview.recent.map((e) => (
                  <li key={e.id} className="flex items-start justify-between gap-3 py-2.5">
                    <div className="min-w-0">
                      <div className="flex items-center gap-2 text-sm"><Badge tone="brand">{e.action}</Badge><span className="truncate text-zinc-600">{e.actorLabel}</span></div>
                      <div className="mt-1"><AuditDiff diff={e.diff} /></div>
                    </div>
                    <span className="shrink-0 text-xs text-zinc-400">{formatRelative(e.createdAt)}</span>
                  </li>
                ))}
              </ul>
            </CardBody>
          </Card>
        )}
      </div>
    </div>
  );
}
