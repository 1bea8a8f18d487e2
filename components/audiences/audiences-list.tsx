"use client";
import { useQuery } from "@tanstack/react-query";
import { FileUp, ListPlus, Plus, UsersRound } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge, Button, ButtonLink, Card, EmptyState, PageHeader, Spinner, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { NewListDialog } from "./new-list-dialog";

/** Every saved audience and list with its size; the way in to build, import or create a list. */
export function AudiencesList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [newList, setNewList] = useState(false);
  const list = useQuery(trpc.audiences.list.queryOptions({ workspaceId: ws.id }));
  const canManage = ws.can("audiences.manage");
  const actions = canManage && (
    <>
      <ButtonLink href={`/${ws.slug}/audiences/import`} variant="secondary"><FileUp className="size-4" /> Import CSV</ButtonLink>
      <Button variant="secondary" onClick={() => setNewList(true)}><ListPlus className="size-4" /> New list</Button>
      <ButtonLink href={`/${ws.slug}/audiences/new`}><Plus className="size-4" /> New audience</ButtonLink>
    </>
  );
  return (
    <div>
      <PageHeader title="Audiences" description="Who to reach: audiences defined by rules (always current) and static lists." actions={actions} />
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : !list.data?.length ? (
        <EmptyState icon={<UsersRound className="size-6" />} title="No audiences yet" description="Build one from attributes and behaviour, import a CSV file, or start a static list." action={actions} />
      ) : (
        <Card>
          <Table>
            <THead>
              <TR>
                <TH>Name</TH>
                <TH>Type</TH>
                <TH className="text-right">Members</TH>
                <TH>Updated</TH>
                <TH>Created by</TH>
              </TR>
            </THead>
            <TBody>
              {list.data.map((a) => (
                <TR key={a.id} data-testid="audience-row">
                  <TD>
                    <Link href={`/${ws.slug}/audiences/${a.id}`} className="font-medium text-zinc-900 hover:text-brand-700">{a.name}</Link>
                    {a.description && <div className="max-w-md truncate text-xs text-zinc-500">{a.description}</div>}
                  </TD>
                  <TD>{a.kind === "list" ? <Badge tone="blue">Static list</Badge> : <Badge tone="brand">Rules</Badge>}</TD>
                  <TD className="text-right tabular-nums">{a.count === null ? "—" : a.count.toLocaleString("en-US")}</TD>
                  <TD className="text-zinc-500" title={new Date(a.updatedAt).toISOString()}>{formatRelative(a.updatedAt)}</TD>
                  <TD className="text-zinc-500">{a.createdBy ?? "API / system"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </Card>
      )}
      <NewListDialog open={newList} onClose={() => setNewList(false)} />
    </div>
  );
}
