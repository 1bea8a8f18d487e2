"use client";
import Link from "next/link";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, EmptyState, Field, Input, Select, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { AuditDiff } from "./audit-diff";

export function AuditLogView() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const [filter, setFilter] = useState({ action: "", entityType: "", actorUserId: "", from: "", to: "" });
  const team = useQuery(trpc.members.list.queryOptions({ workspaceId: workspace.id }));
  const facets = useQuery(trpc.audit.facets.queryOptions({ workspaceId: workspace.id }));
  const input = {
    workspaceId: workspace.id,
    action: filter.action || undefined,
    entityType: filter.entityType || undefined,
    actorUserId: filter.actorUserId || undefined,
    from: filter.from ? new Date(filter.from) : undefined,
    to: filter.to ? new Date(`${filter.to}T23:59:59.999`) : undefined,
  };
  const log = useInfiniteQuery(trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];
  const set = (key: keyof typeof filter) => (e: { target: { value: string } }) => setFilter((f) => ({ ...f, [key]: e.target.value }));

  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-5">
        <Field label="Action" htmlFor="f-action">
          <Select id="f-action" value={filter.action} onChange={set("action")}>
            <option value="">All actions</option>
            {facets.data?.actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </Select>
        </Field>
        <Field label="Entity" htmlFor="f-entity">
          <Select id="f-entity" value={filter.entityType} onChange={set("entityType")}>
            <option value="">All entities</option>
            {facets.data?.entityTypes.map((a) => <option key={a} value={a}>{a}</option>)}
          </Select>
        </Field>
        <Field label="Who" htmlFor="f-actor">
          <Select id="f-actor" value={filter.actorUserId} onChange={set("actorUserId")}>
            <option value="">Anyone</option>
            {team.data?.members.map((m) => <option key={m.userId} value={m.userId}>{m.name ?? m.email}</option>)}
          </Select>
        </Field>
        <Field label="From" htmlFor="f-from"><Input id="f-from" type="date" value={filter.from} onChange={set("from")} /></Field>
        <Field label="To" htmlFor="f-to"><Input id="f-to" type="date" value={filter.to} onChange={set("to")} /></Field>
      </div>
      <Card>
        {log.isLoading ? (
          <div className="grid place-items-center p-10"><Spinner /></div>
        ) : entries.length === 0 ? (
          <div className="p-6"><EmptyState icon={<History className="size-6" />} title="Nothing here" description="No change matches these filters." /></div>
        ) : (
          <Table wrapperClassName="rounded-none border-0">
            <THead><TR><TH>When</TH><TH>What happened</TH><TH>Changes</TH></TR></THead>
            <TBody>
              {entries.map((e) => (
                <TR key={e.id}>
                  <TD className="whitespace-nowrap align-top text-zinc-600">{formatDateTime(e.createdAt)}</TD>
                  <TD className="align-top" data-testid="audit-sentence">
                    <span className="font-medium text-zinc-900">{e.actorName}</span> {e.link ? <Link href={e.link} className="text-zinc-700 hover:text-brand-700 hover:underline">{e.sentence}</Link> : <span className="text-zinc-700">{e.sentence}</span>}
                    <div className="mt-0.5"><Badge tone="gray">{e.action}</Badge></div>
                  </TD>
                  <TD className="align-top"><AuditDiff diff={e.diff} /></TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      {log.hasNextPage && (
        <div className="text-center">
          <Button variant="secondary" loading={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>Load older entries</Button>
        </div>
      )}
    </div>
  );
}
