"use client";
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Card, CardBody, CardHeader, EmptyState, PageHeader, Select, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { CampaignActions } from "./campaign-actions";
import { MessagesLog } from "@/components/messages/messages-log";
import { ApiTriggerCard } from "./api-trigger-card";
import { CampaignReport } from "./campaign-report";
import { CampaignStatusBadge, describeSchedule } from "./campaign-status";
import { ExecutionProgress } from "./execution-progress";
import { ReviewCard, approvalLine } from "./review-card";
import { ZoneWaves } from "./zone-waves";

const KIND: Record<string, string> = { email: "Email", push: "Push", sms: "SMS" };
const RUNNING = ["scheduled", "snapshotting", "sending", "paused"];

/** One campaign: status and review, actions by role, live progress of the current send, and the report. */
export function CampaignDetail({ campaignId }: { campaignId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [picked, setPicked] = useState<string | null>(null);
  const q = useQuery({
    ...trpc.campaigns.get.queryOptions({ workspaceId: ws.id, campaignId }),
    refetchInterval: (query) => (query.state.data?.executions.some((e) => e.status === "sending" || e.status === "snapshotting") ? 1500 : 5000),
  });
  if (q.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!q.data) return <EmptyState title="Campaign not found" description={messageOf(q.error)} />;
  const c = q.data;
  const current = c.executions[0] ?? null;
  const executionId = picked ?? current?.id ?? null;
  const shown = c.executions.find((e) => e.id === executionId) ?? null;
  const live = Boolean(shown && RUNNING.includes(shown.status));
  const api = c.type === "api";
  const facts: [string, string][] = api ? [
    ["Sent", `By your server through the API (${c.apiMode ?? "transactional"})`],
    ["Channel", `${KIND[c.kind] ?? c.kind} · ${c.configurationName ?? "default configuration"}`],
    ["Version", String(c.version)],
  ] : [
    ["Audience", c.audienceName ?? "—"],
    ["Channel", `${KIND[c.kind] ?? c.kind} · ${c.configurationName ?? "default configuration"}`],
    ["Schedule", describeSchedule(c.schedule)],
    ["Rate", c.ratePerSecond ? `${c.ratePerSecond} messages/s` : "As fast as the channel allows"],
    ...(c.seedAddresses.length ? [["Seeds", c.seedAddresses.join(", ")] as [string, string]] : []),
    ["Version", String(c.version)],
  ];
  return (
    <div>
      <Link href={`/${ws.slug}/campaigns`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800"><ArrowLeft className="size-4" /> Campaigns</Link>
      <PageHeader
        title={c.name}
        description={<span className="inline-flex items-center gap-2"><CampaignStatusBadge status={c.status} /> {approvalLine(c)}</span>}
        actions={<CampaignActions campaign={c} />}
      />
      <div className="mb-5 grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader title="Setup" />
          <CardBody>
            <dl className="space-y-1.5 text-sm">
              {facts.map(([k, v]) => <div key={k} className="grid grid-cols-[6rem_1fr] gap-2"><dt className="text-zinc-500">{k}</dt><dd className="text-zinc-900">{v}</dd></div>)}
            </dl>
          </CardBody>
        </Card>
        <ReviewCard c={c} />
      </div>
      {api ? (
        <>
          <ApiTriggerCard campaignId={c.id} contextFields={c.contextFields} apiMode={c.apiMode} />
          <section aria-label="Messages" className="space-y-2">
            <h2 className="text-base font-semibold text-zinc-900">Messages sent by this campaign</h2>
            <MessagesLog sourceId={c.id} compact />
          </section>
        </>
      ) : null}
      {current ? (
        <Card className="mb-5">
          <CardHeader
            title={shown?.status === "scheduled" ? `Next send ${formatDateTime(shown.occurrenceAt)}` : `Send of ${formatDateTime(shown?.occurrenceAt ?? current.occurrenceAt)}`}
            description={shown ? <span className="inline-flex items-center gap-2"><CampaignStatusBadge status={shown.status} />{shown.finishedAt ? `finished ${formatDateTime(shown.finishedAt)}` : null}{shown.error ? <span className="text-red-700">{shown.error}</span> : null}</span> : null}
            actions={c.executions.length > 1 ? (
              <Select aria-label="Execution" value={executionId ?? ""} onChange={(e) => setPicked(e.target.value)}>
                {c.executions.map((e) => <option key={e.id} value={e.id}>{formatDateTime(e.occurrenceAt)} · {e.status}</option>)}
              </Select>
            ) : null}
          />
          <CardBody>
            <LiveProgress campaignId={c.id} execution={shown ?? current} live={live} />
            {(shown ?? current).waves ? <ZoneWaves waves={(shown ?? current).waves!} processed={(shown ?? current).processed} status={(shown ?? current).status} /> : null}
          </CardBody>
        </Card>
      ) : null}
      {shown ? <CampaignReport campaignId={c.id} executionId={shown.id} live={live} /> : null}
    </div>
  );
}

function LiveProgress({ campaignId, execution, live }: { campaignId: string; execution: { id: string; targeted: number; processed: number }; live: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const report = useQuery({ ...trpc.campaigns.report.queryOptions({ workspaceId: ws.id, campaignId, executionId: execution.id }), refetchInterval: live ? 1500 : false });
  const counts = report.data?.counts;
  return <ExecutionProgress targeted={counts?.targeted ?? execution.targeted} processed={counts?.processed ?? execution.processed} sent={counts?.sent ?? 0} failed={counts?.failed ?? 0} />;
}
