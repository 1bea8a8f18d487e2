import type { TDayRow } from "@/server/home/message-rollups";

export const CHANNEL_COLOR: Record<string, string> = { email: "#6366f1", push: "#0ea5e9", sms: "#10b981" };
export const CHANNEL_NAME: Record<string, string> = { email: "Email", push: "Push", sms: "SMS" };
const colorOf = (kind: string) => CHANNEL_COLOR[kind] ?? "#a1a1aa";

const short = (day: string) => new Date(`${day}T00:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });

/** Messages sent per day, stacked by channel: an SVG bar chart that scales to its container. */
export function SentChart({ daily, kinds }: { daily: TDayRow[]; kinds: string[] }) {
  const W = 720;
  const H = 180;
  const totals = daily.map((d) => Object.values(d.byKind).reduce((a, b) => a + b, 0));
  const max = Math.max(1, ...totals);
  const slot = W / daily.length;
  const bar = Math.max(2, slot * 0.7);
  const ticks = [0, Math.round(daily.length / 2), daily.length - 1].filter((v, i, a) => a.indexOf(v) === i);
  return (
    <figure className="space-y-2" data-testid="sent-chart">
      <svg viewBox={`0 0 ${W} ${H + 22}`} className="h-52 w-full" role="img" aria-label="Messages sent per day by channel">
        {[0.25, 0.5, 0.75, 1].map((f) => <line key={f} x1={0} x2={W} y1={H - f * (H - 22)} y2={H - f * (H - 22)} stroke="#f4f4f5" />)}
        <line x1={0} x2={W} y1={H} y2={H} stroke="#e4e4e7" />
        {daily.map((d, i) => {
          let y = H;
          return (
            <g key={d.day}>
              <title>{`${short(d.day)}: ${totals[i]!.toLocaleString()} sent`}</title>
              {kinds.map((k) => {
                const h = ((d.byKind[k] ?? 0) / max) * (H - 22);
                y -= h;
                return h > 0 ? <rect key={k} x={i * slot + (slot - bar) / 2} y={y} width={bar} height={h} rx={1.5} fill={colorOf(k)} /> : null;
              })}
            </g>
          );
        })}
        {ticks.map((i) => <text key={i} x={Math.min(W - 30, Math.max(0, i * slot))} y={H + 16} fontSize={11} fill="#71717a">{short(daily[i]!.day)}</text>)}
        <text x={W} y={12} fontSize={11} fill="#a1a1aa" textAnchor="end">{max.toLocaleString()} / day</text>
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-xs text-zinc-600">
        {kinds.map((k) => <span key={k} className="inline-flex items-center gap-1.5"><span className="size-2.5 rounded-sm" style={{ background: colorOf(k) }} />{CHANNEL_NAME[k] ?? k}</span>)}
      </figcaption>
    </figure>
  );
}
