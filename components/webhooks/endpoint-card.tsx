"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { AlertTriangle } from "lucide-react";
import { useState } from "react";
import { Badge, Button, Card, CardHeader, CopyField, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { DeliveryLog } from "./delivery-log";

interface TEndpoint {
  id: string;
  url: string;
  description: string;
  eventTypes: string[];
  enabled: boolean;
  disabledReason: string | null;
}

/** One endpoint: its events, the disabled notice, test / enable / secret / delete, and its delivery log. */
export function EndpointCard({ endpoint }: { endpoint: TEndpoint }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const refreshLog = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() });
  const onError = (e: unknown) => toast.error(messageOf(e));
  const ids = { workspaceId: workspace.id, endpointId: endpoint.id };
  const test = useMutation(
    trpc.webhooks.sendTest.mutationOptions({ onSuccess: (r) => (r.ok ? toast.success(`The endpoint answered ${r.responseStatus} in ${r.latencyMs} ms`) : toast.error(r.error ?? "Failed"), refreshLog()), onError }),
  );
  const update = useMutation(trpc.webhooks.update.mutationOptions({ onSuccess: refresh, onError }));
  const remove = useMutation(trpc.webhooks.remove.mutationOptions({ onSuccess: refresh, onError }));
  const rotate = useMutation(trpc.webhooks.rotateSecret.mutationOptions({ onSuccess: (r) => setSecret(r.secret), onError }));
  const reveal = useMutation(trpc.webhooks.revealSecret.mutationOptions({ onSuccess: (r) => setSecret(r.secret), onError }));

  return (
    <Card data-testid="webhook-endpoint">
      <CardHeader
        title={<span className="font-mono text-sm">{endpoint.url}</span>}
        description={endpoint.description || undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            <Button size="sm" loading={test.isPending} onClick={() => test.mutate(ids)}>Send test event</Button>
            <Button size="sm" variant="secondary" onClick={() => update.mutate({ ...ids, enabled: !endpoint.enabled })}>{endpoint.enabled ? "Disable" : "Enable"}</Button>
            <Button size="sm" variant="secondary" onClick={() => reveal.mutate(ids)}>Reveal secret</Button>
            <Button size="sm" variant="secondary" onClick={() => confirm("Rotate the signing secret? The old one stops signing at once.") && rotate.mutate(ids)}>Rotate secret</Button>
            <Button size="sm" variant="ghost" onClick={() => confirm(`Delete ${endpoint.url} and its delivery log?`) && remove.mutate(ids)}>Delete</Button>
          </div>
        }
      />
      <div className="space-y-3 px-6 pb-4">
        <div className="flex flex-wrap items-center gap-1">
          {endpoint.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}
          {endpoint.eventTypes.map((t) => <Badge key={t} tone="gray">{t}</Badge>)}
        </div>
        {endpoint.disabledReason && (
          <p role="alert" className="flex items-start gap-2 rounded-md bg-red-50 p-3 text-sm text-red-800">
            <AlertTriangle className="mt-0.5 size-4 shrink-0" /> {endpoint.disabledReason}. Fix the receiver, send a test event, then enable it again.
          </p>
        )}
        {secret && <CopyField value={secret} label="Signing secret" />}
      </div>
      <DeliveryLog endpointId={endpoint.id} />
    </Card>
  );
}
