"use client";
import { CircleAlert, CircleCheck } from "lucide-react";
import type { TErrorItem } from "./node-errors";

/** What stops the journey from being tested or published; a click selects and centres the step. */
export function ValidationList({ items, onPick }: { items: TErrorItem[]; onPick: (nodeId: string) => void }) {
  if (items.length === 0)
    return (
      <div className="flex items-start gap-2 rounded-lg bg-emerald-50 px-3 py-2.5 text-sm text-emerald-800 ring-1 ring-emerald-600/15" data-testid="validation-ok">
        <CircleCheck className="mt-0.5 size-4 shrink-0" /> Ready: every path ends, every step is filled in.
      </div>
    );
  return (
    <ul className="space-y-1" data-testid="validation-list">
      {items.map((e, i) => {
        const body = (
          <>
            <CircleAlert className="mt-0.5 size-4 shrink-0 text-red-500" />
            <span className="min-w-0">
              {e.title && <span className="block truncate text-xs font-medium text-zinc-500">{e.title}</span>}
              <span className="text-zinc-800">{e.message}</span>
            </span>
          </>
        );
        return (
          <li key={`${e.nodeId}:${i}`}>
            {e.nodeId ? (
              <button type="button" data-testid="validation-item" data-node-id={e.nodeId} onClick={() => onPick(e.nodeId!)} className="flex w-full items-start gap-2 rounded-lg px-2.5 py-2 text-left text-sm hover:bg-zinc-100">
                {body}
              </button>
            ) : (
              <div data-testid="validation-item" className="flex items-start gap-2 px-2.5 py-2 text-sm">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
