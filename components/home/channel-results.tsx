import type { TChannelRow } from "@/server/home/message-rollups";
import { CHANNEL_COLOR, CHANNEL_NAME } from "./sent-chart";

const pct = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(n / of < 0.1 ? 1 : 0)}%` : "—");

const ROWS = [
  { key: "delivered", label: "Delivered" },
  { key: "opened", label: "Opened" },
  { key: "clicked", label: "Clicked" },
  { key: "converted", label: "Converted" },
  { key: "unsubscribed", label: "Unsubscribed" },
] as const;

/** Per channel: sent, then each stage as a bar of its share of sent, with failed and suppressed apart. */
export function ChannelResults({ channels }: { channels: TChannelRow[] }) {
  return (
    <div className="grid gap-4 md:grid-cols-3" data-testid="channel-results">
      {channels.map((c) => (
        <div key={c.kind} className="rounded-lg border border-zinc-200 p-4" data-testid={`channel-${c.kind}`}>
          <div className="flex items-baseline justify-between">
            <span className="inline-flex items-center gap-2 text-sm font-medium text-zinc-800"><span className="size-2.5 rounded-sm" style={{ background: CHANNEL_COLOR[c.kind] ?? "#a1a1aa" }} />{CHANNEL_NAME[c.kind] ?? c.kind}</span>
            <span className="text-2xl font-semibold tabular-nums">{c.sent.toLocaleString()}<span className="ml-1 text-xs font-normal text-zinc-500">sent</span></span>
          </div>
          <dl className="mt-3 space-y-2">
            {ROWS.map(({ key, label }) => (
              <div key={key} className="text-xs">
                <div className="flex justify-between text-zinc-600"><dt>{label}</dt><dd className="tabular-nums text-zinc-900">{c[key].toLocaleString()} <span className="text-zinc-500">· {pct(c[key], c.sent)}</span></dd></div>
                <div className="mt-1 h-1.5 rounded-full bg-zinc-100"><div className="h-1.5 rounded-full" style={{ width: `${c.sent ? Math.min(100, (c[key] / c.sent) * 100) : 0}%`, background: CHANNEL_COLOR[c.kind] ?? "#a1a1aa" }} /></div>
              </div>
            ))}
          </dl>
          {c.failed + c.suppressed + c.bounced > 0 && (
            <p className="mt-3 text-xs text-zinc-500">{c.failed.toLocaleString()} failed · {c.suppressed.toLocaleString()} suppressed · {c.bounced.toLocaleString()} bounced</p>
          )}
        </div>
      ))}
    </div>
  );
}
