"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Clock } from "lucide-react";
import { Button, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

const STEPS = ["1h", "1d", "7d"] as const;

/** Embedded mode in development: move the executor's clock forward so waits and timeouts come due now. */
export function TimeTravel() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const clock = useQuery(trpc.runs.clock.queryOptions({ workspaceId: ws.id }));
  const advance = useMutation(
    trpc.runs.advanceClock.mutationOptions({
      onSuccess: async (r) => {
        toast.success(`Workflow clock now ${formatDateTime(r.now)}`);
        await queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.runs.clock.pathKey() });
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (!clock.data?.enabled || !ws.can("runs.manage")) return null;
  const ahead = clock.data.offsetMs > 0 ? ` · ${Math.round(clock.data.offsetMs / 3_600_000)} h ahead` : "";
  return (
    <div className="flex flex-wrap items-center gap-2 rounded-lg border border-dashed border-zinc-300 px-3 py-2 text-xs text-zinc-600" data-testid="time-travel">
      <Clock className="size-4 text-zinc-500" />
      <span>Fast-forward time{ahead}</span>
      {STEPS.map((d) => (
        <Button key={d} size="sm" variant="ghost" disabled={advance.isPending} onClick={() => advance.mutate({ workspaceId: ws.id, duration: d })} data-testid={`advance-${d}`}>+{d}</Button>
      ))}
    </div>
  );
}
