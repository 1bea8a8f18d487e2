"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Spinner, Table, TBody, TD, TH, THead, TR, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";

const TONE = { succeeded: "green", pending: "amber", failed: "red" } as const;

/** An endpoint's latest deliveries: each attempt's answer, and replay. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const deliveries = useQuery(trpc.webhooks.deliveries.queryOptions({ workspaceId: workspace.id, endpointId }, { refetchInterval: 5000 }));
  const replay = useMutation(
    trpc.webhooks.replay.mutationOptions({
      onSuccess: (r) => (r.ok ? toast.success(`Delivered: ${r.responseStatus}`) : toast.error(r.error ?? "Failed"), queryClient.invalidateQueries({ queryKey: trpc.webhooks.deliveries.queryKey() })),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (deliveries.isLoading) return <div className="grid place-items-center p-6"><Spinner /></div>;
  if (!deliveries.data?.length) return <p className="p-4 text-sm text-zinc-500">No deliveries yet. Send a test event to see the endpoint's answer here.</p>;
  return (
    <Table wrapperClassName="rounded-none border-x-0 border-b-0">
      <THead>
        <TR><TH>Event</TH><TH>Status</TH><TH>Attempts</TH><TH>Answer</TH><TH>Latency</TH><TH>When</TH><TH className="text-right">Actions</TH></TR>
      </THead>
      <TBody>
        {deliveries.data.map((d) => (
          <TR key={d.id} data-testid="webhook-delivery">
            <TD className="font-mono text-xs">{d.eventType}</TD>
            <TD><Badge tone={TONE[d.status as keyof typeof TONE] ?? "gray"}>{d.status}</Badge>{d.status === "pending" && d.attempts > 0 && <span className="ml-2 text-xs text-zinc-500">retry {formatRelative(d.nextAttemptAt)}</span>}</TD>
            <TD>{d.attempts}</TD>
            <TD className="max-w-72 truncate text-xs text-zinc-600" title={d.responseExcerpt ?? d.error ?? ""}>{d.responseStatus ?? "—"} {d.responseExcerpt ?? d.error ?? ""}</TD>
            <TD className="text-zinc-600">{d.latencyMs === null ? "—" : `${d.latencyMs} ms`}</TD>
            <TD className="text-zinc-600">{formatRelative(d.lastAttemptAt ?? d.createdAt)}</TD>
            <TD className="text-right">
              <Button variant="ghost" size="sm" loading={replay.isPending && replay.variables?.deliveryId === d.id} onClick={() => replay.mutate({ workspaceId: workspace.id, deliveryId: d.id })}>Replay</Button>
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
