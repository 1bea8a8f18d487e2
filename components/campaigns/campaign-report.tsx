"use client";
import { useQuery } from "@tanstack/react-query";
import { Download } from "lucide-react";
import { Card, CardBody, CardHeader, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { ReportChart } from "./report-chart";
import { RecipientsTable } from "./recipients-table";

const MACHINE_HINT = "Opens by Apple Mail Privacy Protection's proxy and opens or clicks by mail security scanners seconds after delivery: no person made them, so they count neither as opened nor as clicked.";
const pct = (n: number, of: number) => (of ? `${Math.round((n / of) * 1000) / 10}%` : "—");

/** Counts, the chart over time, top links and recipients of a campaign (all executions or one). */
export function CampaignReport({ campaignId, executionId, live }: { campaignId: string; executionId: string | null; live: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const report = useQuery({ ...trpc.campaigns.report.queryOptions({ workspaceId: ws.id, campaignId, executionId }), refetchInterval: live ? 3000 : false });
  if (report.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  const c = report.data?.counts;
  if (!c) return <Card><CardBody className="text-sm text-zinc-500">No report yet: it fills in once the campaign sends.</CardBody></Card>;
  const tiles: [string, number, string | null][] = [
    ["Targeted", c.targeted, null],
    ["Sent", c.sent, pct(c.sent, c.targeted)],
    ["Delivered", c.delivered, pct(c.delivered, c.sent)],
    ["Opened", c.opened, `${pct(c.opened, c.delivered)} · ${c.openedTotal} total`],
    ["Clicked", c.clicked, `${pct(c.clicked, c.delivered)} · ${c.clickedTotal} total`],
    ["Machine opens", c.machineOpened, `${c.machineClicked} scanner click${c.machineClicked === 1 ? "" : "s"} · not in the rates`],
    ["Bounced", c.bounced, pct(c.bounced, c.sent)],
    ["Complained", c.complained, pct(c.complained, c.delivered)],
    ["Unsubscribed", c.unsubscribed, pct(c.unsubscribed, c.delivered)],
    ["Failed", c.failed, c.suppressed ? `${c.suppressed} suppressed` : null],
    ["Deferred", c.deferred, c.expired ? `${c.expired} expired` : c.deferred ? "sent when quiet hours end or a cap frees" : null],
  ];
  const exportHref = `/api/campaigns/${campaignId}/export?workspaceId=${ws.id}${executionId ? `&executionId=${executionId}` : ""}`;
  return (
    <div className="space-y-5">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-6" data-testid="report-counts">
        {tiles.map(([label, n, sub]) => (
          <Card key={label} className="px-4 py-3" data-testid={`count-${label.toLowerCase().replace(/ /g, "-")}`} title={label === "Machine opens" ? MACHINE_HINT : undefined}>
            <div className="text-xs font-medium text-zinc-500">{label}</div>
            <div className="mt-0.5 text-2xl font-semibold text-zinc-900 tabular-nums" data-testid="count-value">{n.toLocaleString("en-US")}</div>
            {sub ? <div className="text-xs text-zinc-500">{sub}</div> : null}
          </Card>
        ))}
      </div>
      <div className="grid gap-5 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader title="Over time" description="Sent, opened and clicked per minute (per hour beyond a day); a click with no open counts as an open." />
          <CardBody><ReportChart points={report.data!.timeline} /></CardBody>
        </Card>
        <Card>
          <CardHeader title="Top links" description="Clicks per link (unique recipients)." />
          <CardBody>
            {report.data!.topLinks.length ? (
              <ol className="space-y-2 text-sm">
                {report.data!.topLinks.map((l) => (
                  <li key={l.url} className="flex items-center justify-between gap-3">
                    <span className="truncate text-zinc-700" title={l.url}>{l.url}</span>
                    <span className="shrink-0 text-zinc-500 tabular-nums">{l.clicks} ({l.unique})</span>
                  </li>
                ))}
              </ol>
            ) : <p className="text-sm text-zinc-500">No clicks yet.</p>}
          </CardBody>
        </Card>
      </div>
      {executionId ? (
        <Card>
          <CardHeader title="Recipients" description="Everyone this send targeted, with their message's status." actions={<a href={exportHref} className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:text-brand-800"><Download className="size-4" /> Export CSV</a>} />
          <RecipientsTable campaignId={campaignId} executionId={executionId} live={live} />
        </Card>
      ) : null}
    </div>
  );
}
