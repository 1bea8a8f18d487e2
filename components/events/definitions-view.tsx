"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Zap } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, CardHeader, EmptyState, PageHeader, Spinner, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { DefinitionDialog } from "./definition-dialog";
import type { TDefinitionDraft } from "./definition-form";

export function DefinitionsView() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ open: boolean; editing: (TDefinitionDraft & { id: string }) | null }>({ open: false, editing: null });
  const [selected, setSelected] = useState<string | null>(null);
  const list = useQuery(trpc.events.definitions.queryOptions({ workspaceId: ws.id }));
  const current = selected ?? list.data?.[0]?.definition.id ?? null;
  const matches = useQuery({ ...trpc.events.recentMatches.queryOptions({ workspaceId: ws.id, definitionId: current ?? "00000000-0000-0000-0000-000000000000" }), enabled: Boolean(current) });
  const remove = useMutation(
    trpc.events.delete.mutationOptions({
      onSuccess: () => (toast.success("Event deleted"), setSelected(null), queryClient.invalidateQueries({ queryKey: trpc.events.pathKey() })),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const canManage = ws.can("events.manage");
  const newButton = canManage && <Button onClick={() => setDialog({ open: true, editing: null })}><Plus className="size-4" /> New event</Button>;
  return (
    <div className="space-y-6">
      <PageHeader title="Events" description="Business events: the incoming track calls that journeys and audiences react to." actions={list.data?.length ? newButton : null} />
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : !list.data?.length ? (
        <EmptyState icon={<Zap className="size-6" />} title="No business events yet" description='Define one, such as a purchase whose purchaseMessage is "thank you".' action={newButton} />
      ) : (
        <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
          <Card>
            <ul className="divide-y divide-zinc-100">
              {list.data.map(({ definition: d, matchesLast7Days }) => (
                <li key={d.id}>
                  <button type="button" onClick={() => setSelected(d.id)} className={`w-full px-5 py-3 text-left hover:bg-zinc-50 ${d.id === current ? "bg-brand-50/60" : ""}`} data-testid={`definition-${d.name}`}>
                    <div className="flex items-center justify-between gap-2">
                      <span className="font-medium">{d.name}</span>
                      <span className="text-xs tabular-nums text-zinc-500">{matchesLast7Days.toLocaleString()} in 7 days</span>
                    </div>
                    <div className="mt-1 flex flex-wrap gap-1.5">
                      <Badge tone="brand">track “{d.trackName}”</Badge>
                      {d.condition && <Badge tone="gray"><code>{d.condition}</code></Badge>}
                      {d.fields.map((f) => <Badge key={f.name} tone="blue">{f.name}: {f.type}{f.required ? "*" : ""}</Badge>)}
                    </div>
                  </button>
                </li>
              ))}
            </ul>
          </Card>
          {current && (
            <Card>
              <CardHeader
                title={`Recent “${list.data.find((x) => x.definition.id === current)?.definition.name ?? ""}” events`}
                description="The latest calls that became this event."
                actions={canManage && (() => {
                  const d = list.data.find((x) => x.definition.id === current)?.definition;
                  if (!d) return null;
                  return (
                    <div className="flex gap-2">
                      <Button size="sm" variant="secondary" onClick={() => setDialog({ open: true, editing: { id: d.id, name: d.name, description: d.description ?? "", trackName: d.trackName, condition: d.condition ?? "", fields: d.fields } })}>Edit</Button>
                      <Button size="sm" variant="ghost" onClick={() => confirm(`Delete the event “${d.name}”? Stored calls are kept.`) && remove.mutate({ workspaceId: ws.id, definitionId: d.id })}>Delete</Button>
                    </div>
                  );
                })()}
              />
              {matches.data?.length ? (
                <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
                  {matches.data.map((m) => (
                    <li key={m.id} className="px-5 py-2.5" data-testid="definition-match">
                      <div className="text-xs text-zinc-500">{formatDateTime(m.timestamp)}</div>
                      <code className="block truncate text-xs text-zinc-700">{JSON.stringify(m.properties)}</code>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="border-t border-zinc-100 px-5 py-6 text-sm text-zinc-500">No call has matched yet.</p>
              )}
            </Card>
          )}
        </div>
      )}
      <DefinitionDialog open={dialog.open} editing={dialog.editing} onClose={() => setDialog({ open: false, editing: null })} />
    </div>
  );
}
