import type { TAuditDiff } from "@/db/schema/audit";

function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "none";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** "role: manager → viewer", one line per changed field. */
export function AuditDiff({ diff }: { diff: TAuditDiff }) {
  const entries = Object.entries(diff);
  if (entries.length === 0) return <span className="text-zinc-400">—</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="font-medium text-zinc-700">{field}</span>{" "}
          {"from" in change && change.from !== undefined && <span className="text-zinc-500 line-through decoration-zinc-300">{show(change.from)}</span>}
          {"from" in change && change.from !== undefined && "to" in change && change.to !== undefined && <span className="text-zinc-400"> → </span>}
          {"to" in change && change.to !== undefined && <span className="text-zinc-900">{show(change.to)}</span>}
        </li>
      ))}
    </ul>
  );
}
