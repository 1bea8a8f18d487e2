import type { TExecutionWave } from "@/db/schema";
import { formatDateTime } from "@/lib/format";

/** A local-time send by zone: each wave's zones, when it goes, how many, and whether it went (positions are sent in wave order). */
export function ZoneWaves({ waves, processed, status }: { waves: TExecutionWave[]; processed: number; status: string }) {
  if (!waves.length) return null;
  const stateOf = (w: TExecutionWave) => (processed >= w.to ? "Sent" : processed > w.after ? "Sending" : status === "stopped" ? "Not sent" : "Waiting");
  return (
    <div className="mt-4 overflow-x-auto" data-testid="zone-waves">
      <h3 className="mb-1.5 text-sm font-medium text-zinc-800">By time zone</h3>
      <table className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-zinc-500">
            <th className="py-1 pr-3 font-medium">Sends at</th>
            <th className="py-1 pr-3 font-medium">Time zones</th>
            <th className="py-1 pr-3 text-right font-medium">Recipients</th>
            <th className="py-1 font-medium">Status</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {waves.map((w) => (
            <tr key={w.at}>
              <td className="py-1 pr-3 whitespace-nowrap text-zinc-700">{formatDateTime(w.at)}</td>
              <td className="py-1 pr-3 text-zinc-700">{w.zones.map((z) => z || "Workspace default (no valid zone)").join(", ")}</td>
              <td className="py-1 pr-3 text-right tabular-nums">{(w.to - w.after).toLocaleString("en-US")}</td>
              <td className="py-1 text-zinc-700">{stateOf(w)}{stateOf(w) === "Sending" ? ` (${(processed - w.after).toLocaleString("en-US")})` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
