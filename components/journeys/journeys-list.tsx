"use client";
import { useQuery } from "@tanstack/react-query";
import { Plus, Route, UsersRound, Zap } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, Card, EmptyState, PageHeader, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { formatNumber } from "./forms/format-number";
import { JourneyStatusBadges } from "./journey-status";
import { NewJourneyDialog } from "./new-journey-dialog";

const ENTRY: Record<string, { label: string; icon: typeof Zap }> = { entry_audience: { label: "Audience", icon: UsersRound }, entry_event: { label: "Event", icon: Zap } };

/** Every journey with its status, entry, and how many profiles are in it. */
export function JourneysList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [creating, setCreating] = useState(false);
  const list = useQuery({ ...trpc.journeys.list.queryOptions({ workspaceId: ws.id }), refetchInterval: 10_000 });
  const action = ws.can("journeys.manage") && <Button onClick={() => setCreating(true)} data-testid="new-journey"><Plus /> New journey</Button>;
  return (
    <div>
      <PageHeader title="Journeys" description="Multi-step paths across channels: an entry, messages, waits and splits, drawn on a canvas." actions={action} />
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : !list.data?.length ? (
        <EmptyState icon={<Route />} title="No journeys yet" description="Start from an audience or a business event, then add messages, waits and splits." action={action} />
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Status</TH>
                <TH>Entry</TH>
                <TH className="text-right">In journey</TH>
                <TH className="text-right">Entered</TH>
                <TH>Updated</TH>
              </TR>
            </THead>
            <TBody>
              {list.data.map((j) => {
                const entry = j.entryType ? ENTRY[j.entryType] : undefined;
                return (
                  <TR key={j.id} data-testid="journey-row">
                    <TD className="min-w-56">
                      <Link href={`/${ws.slug}/journeys/${j.id}`} className="font-medium text-zinc-900 hover:text-brand-700">{j.name}</Link>
                      <div className="max-w-72 truncate text-xs text-zinc-500">{j.description || `${j.steps} step${j.steps === 1 ? "" : "s"}`}</div>
                    </TD>
                    <TD><JourneyStatusBadges info={j} /></TD>
                    <TD className="text-zinc-600">{entry ? <span className="inline-flex items-center gap-1.5"><entry.icon className="size-3.5 text-zinc-400" />{entry.label}</span> : <span className="text-zinc-400">—</span>}</TD>
                    <TD className="text-right tabular-nums">{formatNumber(j.active)}</TD>
                    <TD className="text-right tabular-nums text-zinc-600">{formatNumber(j.entered)}</TD>
                    <TD className="whitespace-nowrap text-zinc-500">{formatRelative(j.updatedAt)}</TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        </Card>
      )}
      {creating && <NewJourneyDialog open onClose={() => setCreating(false)} />}
    </div>
  );
}
