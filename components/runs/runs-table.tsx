"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Workflow } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, Card, EmptyState, Field, Select, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { formatDuration, RunStatusBadge, shortFnId } from "./run-status-badge";

type TStatus = "running" | "completed" | "failed" | "cancelled";

export function RunsTable() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [fnId, setFnId] = useState("");
  const [status, setStatus] = useState<TStatus | "">("");
  const fns = useQuery(trpc.runs.functions.queryOptions({ workspaceId: ws.id }));
  const runs = useInfiniteQuery({
    ...trpc.runs.list.infiniteQueryOptions({ workspaceId: ws.id, fnId: fnId || undefined, status: status || undefined }, { getNextPageParam: (p) => p.nextCursor ?? undefined }),
    refetchInterval: 2000,
  });
  const rows = runs.data?.pages.flatMap((p) => p.runs) ?? [];
  return (
    <div className="space-y-3">
      <div className="flex gap-3">
        <Field label="Function" htmlFor="runs-fn" className="w-72">
          <Select id="runs-fn" value={fnId} onChange={(e) => setFnId(e.target.value)}>
            <option value="">All functions</option>
            {fns.data?.functions.map((f) => <option key={f.id} value={f.id}>{shortFnId(f.id)}</option>)}
          </Select>
        </Field>
        <Field label="Status" htmlFor="runs-status" className="w-48">
          <Select id="runs-status" value={status} onChange={(e) => setStatus(e.target.value as TStatus | "")}>
            <option value="">Any status</option>
            {(["running", "completed", "failed", "cancelled"] as const).map((s) => <option key={s} value={s}>{s}</option>)}
          </Select>
        </Field>
      </div>
      <Card>
        {runs.isLoading ? (
          <div className="grid place-items-center p-10"><Spinner /></div>
        ) : rows.length === 0 ? (
          <div className="p-6"><EmptyState icon={<Workflow className="size-6" />} title="No runs yet" description="Runs appear here as campaigns, journeys and scheduled tasks execute." /></div>
        ) : (
          <Table wrapperClassName="rounded-none border-0">
            <THead><TR><TH>Function</TH><TH>Status</TH><TH>Trigger</TH><TH>Started</TH><TH>Duration</TH><TH className="text-right">Steps</TH></TR></THead>
            <TBody>
              {rows.map((r) => (
                <TR key={r.id} data-testid="run-row">
                  <TD className="whitespace-nowrap"><Link href={`/${ws.slug}/settings/runs/${r.id}`} className="font-mono text-xs font-medium text-brand-700 hover:underline">{shortFnId(r.fnId)}</Link></TD>
                  <TD><RunStatusBadge status={r.status} /></TD>
                  <TD className="font-mono text-xs text-zinc-600">
                    {r.eventName}
                    {r.batchSize !== null && <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 font-sans text-[11px] text-zinc-600" data-testid="run-batch-size">batch of {r.batchSize}</span>}
                  </TD>
                  <TD className="whitespace-nowrap text-zinc-600">{formatDateTime(r.startedAt)}</TD>
                  <TD className="text-zinc-600">{r.endedAt ? formatDuration(new Date(r.endedAt).getTime() - new Date(r.startedAt).getTime()) : "…"}</TD>
                  <TD className="text-right tabular-nums">{r.steps}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      {runs.hasNextPage && <div className="text-center"><Button variant="secondary" loading={runs.isFetchingNextPage} onClick={() => void runs.fetchNextPage()}>Load older runs</Button></div>}
    </div>
  );
}
