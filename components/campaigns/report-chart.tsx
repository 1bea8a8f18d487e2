const SERIES = [
  { key: "sent", label: "Sent", color: "#6366f1" },
  { key: "opened", label: "Opened", color: "#10b981" },
  { key: "clicked", label: "Clicked", color: "#f59e0b" },
] as const;

type TPoint = { at: string; sent: number; opened: number; clicked: number };

/** Sent, opened and clicked per minute (or hour) as lines; drawn as SVG, no chart library. */
export function ReportChart({ points }: { points: TPoint[] }) {
  if (!points.length) return <p className="py-10 text-center text-sm text-zinc-500">Nothing sent yet.</p>;
  const W = 640, H = 180, L = 36, B = 22;
  const max = Math.max(1, ...points.flatMap((p) => [p.sent, p.opened, p.clicked]));
  const x = (i: number) => L + (points.length === 1 ? (W - L) / 2 : (i / (points.length - 1)) * (W - L - 8));
  const y = (v: number) => H - B - (v / max) * (H - B - 8);
  const label = (at: string) => new Date(at).toLocaleTimeString("en", { hour: "2-digit", minute: "2-digit" });
  const ticks = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])];
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-48 w-full" role="img" aria-label="Sent, opened and clicked over time">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={L} x2={W} y1={y(max * f)} y2={y(max * f)} stroke="#e4e4e7" strokeDasharray={f ? "3 3" : undefined} />
            <text x={L - 6} y={y(max * f) + 4} textAnchor="end" className="fill-zinc-400 text-[10px]">{Math.round(max * f)}</text>
          </g>
        ))}
        {ticks.map((i) => <text key={i} x={x(i)} y={H - 6} textAnchor="middle" className="fill-zinc-400 text-[10px]">{label(points[i]!.at)}</text>)}
        {SERIES.map((s) => (
          <g key={s.key}>
            <polyline fill="none" stroke={s.color} strokeWidth={2} points={points.map((p, i) => `${x(i)},${y(p[s.key])}`).join(" ")} />
            {points.map((p, i) => <circle key={i} cx={x(i)} cy={y(p[s.key])} r={points.length > 40 ? 0 : 2.5} fill={s.color} />)}
          </g>
        ))}
      </svg>
      <figcaption className="mt-1 flex gap-4 text-xs text-zinc-600">
        {SERIES.map((s) => <span key={s.key} className="inline-flex items-center gap-1.5"><span className="size-2 rounded-full" style={{ background: s.color }} />{s.label}</span>)}
      </figcaption>
    </figure>
  );
}
