"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, CardHeader, EmptyState, Spinner, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { CreateKeyDialog } from "./create-key-dialog";

export function ApiKeysSettings() {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const keys = useQuery(trpc.apiKeys.list.queryOptions({ workspaceId: workspace.id }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
  const revoke = useMutation(
    trpc.apiKeys.revoke.mutationOptions({ onSuccess: () => (toast.success("Key revoked"), refresh()), onError: (e) => toast.error(messageOf(e)) }),
  );
  const canManage = workspace.can("apiKeys.manage");
  const createButton = canManage && <Button onClick={() => setCreating(true)}><Plus className="size-4" /> Create key</Button>;

  return (
    <Card>
      <CardHeader title="API keys" description="Write keys send profiles and events; secret keys call the server API." actions={keys.data?.length ? createButton : null} />
      {keys.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : !keys.data?.length ? (
        <div className="p-6">
          <EmptyState icon={<KeyRound className="size-6" />} title="No API keys yet" description="Create a write key to start sending events from your app." action={createButton} />
        </div>
      ) : (
        <Table wrapperClassName="rounded-none border-x-0 border-b-0">
          <THead>
            <TR><TH>Name</TH><TH>Kind</TH><TH>Key</TH><TH>Created</TH><TH>Last used</TH><TH>Status</TH>{canManage && <TH className="text-right">Actions</TH>}</TR>
          </THead>
          <TBody>
            {keys.data.map((k) => (
              <TR key={k.id} data-testid={`api-key-${k.name}`}>
                <TD className="font-medium">{k.name}</TD>
                <TD><Badge tone={k.kind === "secret" ? "amber" : "blue"}>{k.kind}</Badge></TD>
                <TD className="font-mono text-xs text-zinc-600">{k.prefix}…</TD>
                <TD className="text-zinc-600">{formatRelative(k.createdAt)}</TD>
                <TD className="text-zinc-600">{k.lastUsedAt ? formatRelative(k.lastUsedAt) : "Never"}</TD>
                <TD>{k.revokedAt ? <Badge tone="red">Revoked</Badge> : <Badge tone="green">Active</Badge>}</TD>
                {canManage && (
                  <TD className="text-right">
                    {!k.revokedAt && (
                      <Button variant="ghost" size="sm" onClick={() => confirm(`Revoke “${k.name}”? Requests using it will be refused at once.`) && revoke.mutate({ workspaceId: workspace.id, keyId: k.id })}>
                        Revoke
                      </Button>
                    )}
                  </TD>
                )}
              </TR>
            ))}
          </TBody>
        </Table>
      )}
      <CreateKeyDialog open={creating} onClose={() => setCreating(false)} onCreated={refresh} />
    </Card>
  );
}
