"use client";
import { CircleAlert, CloudCheck, LoaderCircle, RefreshCw } from "lucide-react";
import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/format";
import type { TSaveState } from "./use-autosave";

/** "Saved · just now", "Saving…", or what went wrong and what to do about it. */
export function SaveStatus({ state, onRetry, onReload }: { state: TSaveState; onRetry: () => void; onReload: () => void }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 20_000);
    return () => clearInterval(t);
  }, []);
  const base = "flex items-center gap-1.5 text-xs whitespace-nowrap";
  switch (state.status) {
    case "saved":
      return <span className={`${base} text-zinc-500`} data-testid="save-status" data-state="saved"><CloudCheck className="size-3.5" />{state.at ? `Saved · ${formatRelative(state.at)}` : "All changes saved"}</span>;
    case "dirty":
    case "saving":
      return <span className={`${base} text-zinc-500`} data-testid="save-status" data-state="saving"><LoaderCircle className="size-3.5 animate-spin" />Saving…</span>;
    case "error":
      return (
        <span className={`${base} text-red-700`} data-testid="save-status" data-state="error" title={state.message}>
          <CircleAlert className="size-3.5" /><span className="max-w-56 truncate">Not saved: {state.message}</span>
          <button type="button" className="font-medium underline" onClick={onRetry}>Retry</button>
        </span>
      );
    case "conflict":
      return (
        <span className={`${base} rounded-md bg-amber-50 px-2 py-1 text-amber-900 ring-1 ring-amber-600/20`} data-testid="save-status" data-state="conflict">
          <CircleAlert className="size-3.5" />Changed elsewhere; your last edits are not saved.
          <button type="button" className="inline-flex items-center gap-1 font-semibold underline" data-testid="reload-journey" onClick={onReload}><RefreshCw className="size-3" />Reload</button>
        </span>
      );
  }
}
