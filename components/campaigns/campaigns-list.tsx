"use client";
import { useQuery } from "@tanstack/react-query";
import { Megaphone, Plus } from "lucide-react";
import Link from "next/link";
import { Badge, ButtonLink, Card, EmptyState, PageHeader, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { CampaignStatusBadge, describeSchedule } from "./campaign-status";
import { ExecutionProgress } from "./execution-progress";

const KIND: Record<string, string> = { email: "Email", push: "Push", sms: "SMS" };

/** Every campaign with its status, schedule and the progress of its latest send. */
export function CampaignsList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const list = useQuery({ ...trpc.campaigns.list.queryOptions({ workspaceId: ws.id }), refetchInterval: 5000 });
  const review = useQuery(trpc.campaigns.awaitingReview.queryOptions({ workspaceId: ws.id }));
  const pending = review.data?.count ?? 0;
  const action = ws.can("campaigns.manage") && <ButtonLink href={`/${ws.slug}/campaigns/new`}><Plus className="size-4" /> New campaign</ButtonLink>;
  return (
    <div>
      <PageHeader title="Campaigns" description="One audience, one channel, one message: sent now, at a time, or on a recurrence." actions={action} />
      {pending > 0 && ws.can("campaigns.approve") ? (
        <div role="status" data-testid="review-notice" className="mb-4 flex items-center gap-2 rounded-lg bg-amber-50 px-4 py-2.5 text-sm text-amber-900 ring-1 ring-amber-600/20">
          <Badge tone="amber">{pending}</Badge> {pending === 1 ? "campaign is" : "campaigns are"} waiting for your review.
        </div>
      ) : null}
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : !list.data?.length ? (
        <EmptyState icon={<Megaphone className="size-6" />} title="No campaigns yet" description="Pick an audience, a channel and a message, then schedule it." action={action} />
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Status</TH>
                <TH>Audience</TH>
                <TH>Schedule</TH>
                <TH>Next or last send</TH>
                <TH>Progress</TH>
              </TR>
            </THead>
            <TBody>
              {list.data.map((c) => (
                <TR key={c.id} data-testid="campaign-row">
                  <TD className="min-w-56">
                    <Link href={`/${ws.slug}/campaigns/${c.id}`} className="font-medium text-zinc-900 hover:text-brand-700">{c.name}</Link>
                    <div className="text-xs text-zinc-500">{KIND[c.kind] ?? c.kind}</div>
                  </TD>
                  <TD><CampaignStatusBadge status={c.status} /></TD>
                  <TD className="max-w-44 truncate text-zinc-600">{c.audienceName ?? "—"}</TD>
                  <TD className="max-w-64 text-xs text-zinc-600">{describeSchedule(c.schedule)}</TD>
                  <TD className="whitespace-nowrap text-zinc-600">{c.execution ? formatDateTime(c.execution.occurrenceAt) : "—"}</TD>
                  <TD>{c.execution && c.execution.targeted > 0 ? <ExecutionProgress compact targeted={c.execution.targeted} processed={c.execution.processed} /> : <span className="text-zinc-400">—</span>}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
    </div>
  );
}
