import { formatDuration } from "./run-status-badge";

interface TLogEntry {
  id: number;
  kind: string;
  stepId: string | null;
  name: string | null;
  attempt: number;
  data: unknown;
  startedAt: Date;
  endedAt: Date;
}

const COLORS: Record<string, string> = {
  "step.completed": "bg-emerald-500",
  "step.failed": "bg-red-500",
  "step.error": "bg-amber-500",
  "function.error": "bg-amber-500",
  "sleep.started": "bg-sky-300",
  "sleep.done": "bg-sky-500",
  "wait.started": "bg-violet-300",
  "wait.resolved": "bg-violet-500",
  "wait.timeout": "bg-violet-400",
};

/** A waterfall: each entry's bar placed and sized on the run's span. */
export function RunTimeline({ log, startedAt, endedAt }: { log: TLogEntry[]; startedAt: Date; endedAt: Date | null }) {
  const t0 = new Date(startedAt).getTime();
  const last = Math.max(...log.map((l) => new Date(l.endedAt).getTime()), endedAt ? new Date(endedAt).getTime() : t0);
  const span = Math.max(1, last - t0);
  return (
    <ol className="divide-y divide-zinc-100">
      {log.map((entry) => {
        const start = new Date(entry.startedAt).getTime();
        const end = new Date(entry.endedAt).getTime();
        const left = ((start - t0) / span) * 100;
        const width = Math.max(0.8, ((end - start) / span) * 100);
        return (
          <li key={entry.id} className="grid grid-cols-[14rem_1fr_5rem] items-center gap-4 px-5 py-2.5 text-sm" data-testid="run-log-entry">
            <div className="min-w-0">
              <div className="truncate font-medium">{entry.name ?? entry.kind}</div>
              <div className="text-xs text-zinc-500">
                {entry.kind}
                {entry.attempt > 0 && ` · attempt ${entry.attempt + 1}`}
                {entry.kind === "wait.started" && (entry.data as { matchedByScan?: boolean } | null)?.matchedByScan && " · matched by scan"}
              </div>
            </div>
            <div className="relative h-2.5 rounded-full bg-zinc-100">
              <span className={`absolute inset-y-0 rounded-full ${COLORS[entry.kind] ?? "bg-zinc-400"}`} style={{ left: `${Math.min(left, 99.2)}%`, width: `${Math.min(width, 100 - Math.min(left, 99.2))}%` }} />
            </div>
            <div className="text-right text-xs tabular-nums text-zinc-500">{formatDuration(end - start)}</div>
          </li>
        );
      })}
    </ol>
  );
}
