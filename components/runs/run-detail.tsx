"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, RotateCcw, Square } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, Card, CardBody, CardHeader, Spinner, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { formatDuration, RunStatusBadge, shortFnId } from "./run-status-badge";
import { RunTimeline } from "./run-timeline";

function Json({ value }: { value: unknown }) {
  return <pre className="max-h-72 overflow-auto rounded-lg bg-zinc-950 p-3 font-mono text-xs leading-relaxed text-zinc-100">{JSON.stringify(value, null, 2)}</pre>;
}

export function RunDetail({ runId }: { runId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const router = useRouter();
  const queryClient = useQueryClient();
  const run = useQuery({ ...trpc.runs.get.queryOptions({ workspaceId: ws.id, runId }), refetchInterval: (q) => (q.state.data?.status === "running" ? 1500 : false) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.runs.pathKey() });
  const cancel = useMutation(trpc.runs.cancel.mutationOptions({ onSuccess: () => (toast.success("Run cancelled"), refresh()), onError: (e) => toast.error(messageOf(e)) }));
  const retry = useMutation(
    trpc.runs.retry.mutationOptions({
      onSuccess: (r) => (toast.success("Started a new run"), router.push(`/${ws.slug}/settings/runs/${r.runId}`)),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (run.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!run.data) return <p role="alert" className="text-sm text-red-600">{messageOf(run.error) || "Run not found"}</p>;
  const r = run.data;
  const manage = ws.can("runs.manage");
  return (
    <div className="space-y-6">
      <Link href={`/${ws.slug}/settings/runs`} className="inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-900"><ArrowLeft className="size-4" /> All runs</Link>
      <Card>
        <CardHeader
          title={<span className="flex items-center gap-3 font-mono">{shortFnId(r.fnId)} <RunStatusBadge status={r.status} /></span>}
          description={`Started ${formatDateTime(r.startedAt)}${r.endedAt ? ` · took ${formatDuration(new Date(r.endedAt).getTime() - new Date(r.startedAt).getTime())}` : ""} · run ${r.id}`}
          actions={
            manage && (
              <div className="flex gap-2">
                {r.status === "running" && <Button variant="danger" size="sm" loading={cancel.isPending} onClick={() => cancel.mutate({ workspaceId: ws.id, runId })}><Square className="size-3.5" /> Cancel</Button>}
                {r.status !== "running" && <Button variant="secondary" size="sm" loading={retry.isPending} onClick={() => retry.mutate({ workspaceId: ws.id, runId })}><RotateCcw className="size-3.5" /> Retry</Button>}
              </div>
            )
          }
        />
        <RunTimeline log={r.log} startedAt={r.startedAt} endedAt={r.endedAt} />
      </Card>
      <div className="grid gap-6 lg:grid-cols-2">
        {r.events ? (
          <Card><CardHeader title={`Trigger events (a batch of ${r.events.length})`} description="The function received them together, in one run." /><CardBody><Json value={r.events} /></CardBody></Card>
        ) : (
          <Card><CardHeader title="Trigger event" /><CardBody><Json value={r.event} /></CardBody></Card>
        )}
        <Card>
          <CardHeader title={r.status === "failed" || r.status === "cancelled" ? "Error" : "Output"} />
          <CardBody><Json value={r.status === "failed" || r.status === "cancelled" ? r.error : r.output} /></CardBody>
        </Card>
      </div>
    </div>
  );
}
