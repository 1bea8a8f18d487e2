"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Clock, Play, Zap } from "lucide-react";
import { Badge, Button, Card, CardHeader, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { shortFnId } from "./run-status-badge";

export function FunctionsCard() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const fns = useQuery(trpc.runs.functions.queryOptions({ workspaceId: ws.id }));
  const run = useMutation(
    trpc.runs.runMaintenance.mutationOptions({
      onSuccess: () => (toast.success("Started"), queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() })),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const mode = fns.data?.mode;
  return (
    <Card>
      <CardHeader
        title="Functions"
        description={mode === "inngest" ? "Runs execute on your Inngest server; see its dashboard for their history." : "Durable functions run by the embedded executor in this app."}
      />
      <ul className="divide-y divide-zinc-100 border-t border-zinc-100">
        {fns.data?.functions.map((fn) => (
          <li key={fn.id} className="flex flex-wrap items-center gap-3 px-5 py-3">
            <span className="min-w-0 flex-1">
              <span className="block font-mono text-sm font-medium">{shortFnId(fn.id)}</span>
              <span className="mt-1 flex flex-wrap gap-1.5">
                {fn.events.map((e) => <Badge key={e} tone="brand"><Zap className="size-3" />{e}</Badge>)}
                {fn.crons.map((c) => <Badge key={c.cron} tone="amber"><Clock className="size-3" />{c.cron} · next {formatRelative(c.nextAt)}</Badge>)}
              </span>
            </span>
            <span className="text-xs text-zinc-500">{fn.maxAttempts} attempts{fn.concurrency ? ` · ${fn.concurrency} at once` : ""}</span>
            {ws.can("runs.manage") && fn.events.includes("parcours/maintenance.requested") && (
              <Button size="sm" variant="secondary" loading={run.isPending} onClick={() => run.mutate({ workspaceId: ws.id, task: "prune-sign-in-failures" })}>
                <Play className="size-3.5" /> Run now
              </Button>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}
