"use client";
import type { TNodeStats } from "@/server/journeys/journey-stats";

const n = (v: number) => v.toLocaleString("en-US");

/** The counts a node wears on the live canvas: entered, waiting now, and for messages sent / opened / clicked. */
export function NodeBadge({ stats, test }: { stats: TNodeStats | undefined; test: boolean }) {
  const s = stats ?? { entered: 0, waiting: 0, exited: 0 };
  return (
    <div className={`flex max-w-full flex-wrap items-center justify-end gap-x-2 rounded-md px-2 py-0.5 text-[11px] leading-4 shadow-sm ring-1 ${test ? "bg-sky-50 text-sky-900 ring-sky-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200"}`} data-testid="node-stats">
      <span title="Entered"><b>{n(s.entered)}</b> in</span>
      {s.waiting > 0 && <span title="Waiting here now" className="font-semibold text-amber-700">{n(s.waiting)} waiting</span>}
      <span title="Went on">{n(s.exited)} out</span>
      {s.sent !== undefined && (
        <span title={`Sent · opened · clicked (unique)${s.machineOpened ? ` · ${n(s.machineOpened)} opened by a machine only (privacy proxy, scanner), not counted` : ""}`} className="whitespace-nowrap">
          {n(s.sent)} sent · {n(s.opened ?? 0)} opened · {n(s.clicked ?? 0)} clicked
        </span>
      )}
      {(s.deferred || s.expired) ? (
        <span title="Deferred (quiet hours, a full frequency cap): the profile waits here until it goes · expired: not sent before the journey's expiry" className="font-semibold text-amber-700">
          {n(s.deferred ?? 0)} deferred{s.expired ? ` · ${n(s.expired)} expired` : ""}
        </span>
      ) : null}
    </div>
  );
}
