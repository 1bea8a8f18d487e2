"use client";
import { useQuery } from "@tanstack/react-query";
import { Download, Users } from "lucide-react";
import { Badge, ButtonLink, Card, CardBody, CardHeader, FormAlert, PageHeader, Spinner, type BadgeTone } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";
import { ErrorRows } from "./error-rows";

const TONES: Record<string, BadgeTone> = { uploaded: "gray", importing: "blue", completed: "green", failed: "red" };

/** Live progress of an import (polled each second while it runs), its counts and error rows. */
export function ImportProgress({ importId }: { importId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const running = (status?: string) => status === "importing" || status === "uploaded";
  const job = useQuery({ ...trpc.csvImports.get.queryOptions({ workspaceId: ws.id, importId }), refetchInterval: (q) => (running(q.state.data?.status) ? 1000 : false) });
  if (job.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!job.data) return <FormAlert>{messageOf(job.error) || "Import not found"}</FormAlert>;
  const j = job.data;
  const percent = j.bytesTotal ? Math.min(100, Math.round((j.bytesProcessed / j.bytesTotal) * 100)) : 0;
  const done = j.status === "completed";
  const seconds = j.startedAt ? ((j.finishedAt ? new Date(j.finishedAt).getTime() : Date.now()) - new Date(j.startedAt).getTime()) / 1000 : 0;
  return (
    <div className="space-y-6">
      <PageHeader
        title={`Import of ${j.fileName}`}
        description={j.audienceName ? `Into the list “${j.audienceName}”` : undefined}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/${ws.slug}/audiences`}>Audiences</ButtonLink>
            {done && j.audienceId && (
              <ButtonLink href={`/${ws.slug}/audiences/${j.audienceId}`} data-testid="import-audience-link">
                <Users /> Open “{j.audienceName}”
              </ButtonLink>
            )}
          </>
        }
      />
      <Card>
        <CardHeader title="Progress" actions={<Badge tone={TONES[j.status] ?? "gray"} data-testid="import-status">{j.status}</Badge>} />
        <CardBody className="space-y-4">
          <div>
            <div
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent}
              className="h-3 overflow-hidden rounded-full bg-zinc-100"
            >
              <div className={`h-full rounded-full transition-[width] duration-500 ${j.status === "failed" ? "bg-red-500" : "bg-brand-600"}`} style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-zinc-600 tabular-nums">
              {percent}% of {formatBytes(j.bytesTotal)} · {j.rowsProcessed.toLocaleString()} rows read
              {seconds > 1 && ` · ${Math.round(seconds)} s${j.rowsProcessed && seconds ? `, ${Math.round(j.rowsProcessed / seconds).toLocaleString()} rows/s` : ""}`}
            </p>
          </div>
          <dl className="grid grid-cols-3 gap-4">
            <Stat label="Rows read" value={j.rowsProcessed} testId="rows-processed" />
            <Stat label="Imported" value={j.rowsImported} testId="rows-imported" tone="text-emerald-700" />
            <Stat label="Failed" value={j.rowsFailed} testId="rows-failed" tone={j.rowsFailed ? "text-red-700" : undefined} />
          </dl>
          {j.error && <FormAlert>{j.error}</FormAlert>}
        </CardBody>
      </Card>
      {j.rowsFailed > 0 && (
        <Card>
          <CardHeader
            title="Rows not imported"
            description={j.rowsFailed > 1000 ? `The first 1,000 of ${j.rowsFailed.toLocaleString()} are kept.` : "Fix them in the file and import it again."}
            actions={
              <a className="inline-flex items-center gap-1.5 text-sm font-medium text-brand-700 hover:underline" href={`/api/csv-imports/${importId}/errors?workspaceId=${ws.id}`} download>
                <Download className="size-4" /> Download errors (CSV)
              </a>
            }
          />
          <ErrorRows importId={importId} live={running(j.status)} />
        </Card>
      )}
    </div>
  );
}

function Stat({ label, value, testId, tone }: { label: string; value: number; testId: string; tone?: string }) {
  return (
    <div className="rounded-lg border border-zinc-200 px-4 py-3">
      <dt className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</dt>
      <dd className={`mt-1 text-2xl font-semibold tabular-nums ${tone ?? "text-zinc-900"}`} data-testid={testId}>{value.toLocaleString()}</dd>
    </div>
  );
}

function formatBytes(bytes: number): string {
  return bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
