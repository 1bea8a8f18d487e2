"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, CardHeader, PageHeader, Spinner, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { ConfigurationDialog, type TEditedConfiguration } from "./configuration-dialog";
import { PluginIcon } from "./plugin-icon";
import { SendingRulesCard } from "./sending-rules-card";

/** Channel configurations by kind, with test / edit / default / delete, and the workspace's sending rules. */
export function ChannelsView() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<{ open: boolean; editing: TEditedConfiguration | null; key: number }>({ open: false, editing: null, key: 0 });
  const list = useQuery(trpc.channels.list.queryOptions({ workspaceId: ws.id }));
  const providers = useQuery(trpc.channels.providers.queryOptions({ workspaceId: ws.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.channels.pathKey() });
  const test = useMutation(trpc.channels.test.mutationOptions({ onSuccess: (r) => (r.ok ? toast.success(r.message) : toast.error(r.message)), onError: (e) => toast.error(messageOf(e)) }));
  const remove = useMutation(trpc.channels.delete.mutationOptions({ onSuccess: () => (toast.success("Configuration deleted"), refresh()), onError: (e) => toast.error(messageOf(e)) }));
  const update = useMutation(trpc.channels.update.mutationOptions({ onSuccess: () => (toast.success("Default changed"), refresh()), onError: (e) => toast.error(messageOf(e)) }));
  const canManage = ws.can("channels.manage");
  const open = (editing: TEditedConfiguration | null) => setDialog((d) => ({ open: true, editing, key: d.key + 1 }));
  const kinds = providers.data?.kinds ?? [];
  return (
    <div className="space-y-6">
      <PageHeader title="Channels" description="Where messages go: a configuration per provider, with sender details and keys. One default per channel." actions={canManage && <Button onClick={() => open(null)}><Plus className="size-4" /> Add configuration</Button>} />
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : (
        kinds
          .filter((k) => list.data?.some((c) => c.kind === k.id))
          .map((k) => (
            <Card key={k.id} data-testid={`channel-kind-${k.id}`}>
              <CardHeader title={k.name} />
              <ul className="divide-y divide-zinc-100">
                {list.data!.filter((c) => c.kind === k.id).map((c) => (
                  <li key={c.id} className="flex flex-wrap items-center gap-3 px-5 py-3" data-testid="channel-configuration">
                    <PluginIcon name={c.icon} className="size-5 text-zinc-400" />
                    <div className="min-w-0 flex-1">
                      <div className="flex items-center gap-2 font-medium text-zinc-900">{c.name}{c.isDefault && <Badge tone="brand">Default</Badge>}</div>
                      <div className="truncate text-xs text-zinc-500">{c.pluginName}{summary(c.settings) ? ` · ${summary(c.settings)}` : ""}{c.pluginId !== "dev-inbox" ? ` · webhooks: ${c.webhookPath}` : ""}</div>
                    </div>
                    {canManage && (
                      <div className="flex gap-1">
                        <Button size="sm" variant="secondary" loading={test.isPending && test.variables?.configurationId === c.id} onClick={() => test.mutate({ workspaceId: ws.id, configurationId: c.id })}>Test</Button>
                        <Button size="sm" variant="ghost" onClick={() => open(c)}>Edit</Button>
                        {!c.isDefault && <Button size="sm" variant="ghost" onClick={() => update.mutate({ workspaceId: ws.id, configurationId: c.id, configuration: { name: c.name, pluginId: c.pluginId, settings: unmasked(c.settings), isDefault: true, rateLimitPerSecond: c.rateLimitPerSecond } })}>Make default</Button>}
                        <Button size="sm" variant="ghost" onClick={() => confirm(`Delete “${c.name}”?`) && remove.mutate({ workspaceId: ws.id, configurationId: c.id })}>Delete</Button>
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            </Card>
          ))
      )}
      <SendingRulesCard />
      {dialog.open && <ConfigurationDialog key={dialog.key} open editing={dialog.editing} onClose={() => setDialog((d) => ({ ...d, open: false }))} />}
    </div>
  );
}

function summary(settings: Record<string, unknown>): string {
  return ["fromAddress", "host", "url", "label"].map((k) => settings[k]).filter((v) => typeof v === "string" && v).join(" · ");
}

/** Masked secrets go back empty, which keeps the stored values. */
function unmasked(settings: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v === "••••••••" ? "" : v]));
}
