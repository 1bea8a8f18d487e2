/** Targeted / processed as a bar, with sent and failed counts when the report has them. */
export function ExecutionProgress({ targeted, processed, sent, failed, compact }: { targeted: number; processed: number; sent?: number; failed?: number; compact?: boolean }) {
  const pct = targeted ? Math.min(100, Math.round((processed / targeted) * 100)) : 0;
  const failedPct = targeted && failed ? Math.min(pct, (failed / targeted) * 100) : 0;
  return (
    <div className={compact ? "w-36" : "space-y-1.5"}>
      <div role="progressbar" aria-label="Sending progress" aria-valuemin={0} aria-valuemax={targeted} aria-valuenow={processed} className="flex h-2 overflow-hidden rounded-full bg-zinc-100">
        <div className="bg-brand-500 transition-all" style={{ width: `${pct - failedPct}%` }} />
        <div className="bg-red-400 transition-all" style={{ width: `${failedPct}%` }} />
      </div>
      {compact ? (
        <div className="mt-1 text-xs text-zinc-500 tabular-nums">{processed.toLocaleString("en-US")} / {targeted.toLocaleString("en-US")}</div>
      ) : (
        <div className="flex flex-wrap gap-x-4 text-sm text-zinc-600 tabular-nums" data-testid="progress-counts">
          <span>Targeted <strong className="text-zinc-900">{targeted.toLocaleString("en-US")}</strong></span>
          <span>Processed <strong className="text-zinc-900">{processed.toLocaleString("en-US")}</strong> ({pct}%)</span>
          {sent !== undefined ? <span>Sent <strong className="text-zinc-900" data-testid="progress-sent">{sent.toLocaleString("en-US")}</strong></span> : null}
          {failed !== undefined ? <span>Failed <strong className={failed ? "text-red-700" : "text-zinc-900"}>{failed.toLocaleString("en-US")}</strong></span> : null}
        </div>
      )}
    </div>
  );
}
