"use client";
import { Plus, X } from "lucide-react";
import { useId } from "react";
import { Button, Input, Select } from "@/components/ui";
import type { TEventRule } from "@/server/audiences/rules";

const toInt = (raw: string) => (raw.trim() === "" || !Number.isFinite(Number(raw)) ? undefined : Math.trunc(Number(raw)));

/** One behaviour condition: did / did not perform an event, how often, how recently, with payload filters. */
export function EventRuleRow({ rule, eventNames, onChange }: { rule: TEventRule; eventNames: string[]; onChange: (rule: TEventRule) => void }) {
  const listId = useId();
  const count = rule.count ?? { op: "at_least" as const, n: 1 };
  const setWhere = (where: TEventRule["where"]) => onChange({ ...rule, where });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2 text-sm text-zinc-600">
        <Select aria-label="Performed" value={rule.performed ? "did" : "did_not"} onChange={(e) => onChange({ ...rule, performed: e.target.value === "did" })} wrapperClassName="w-32">
          <option value="did">performed</option>
          <option value="did_not">did not perform</option>
        </Select>
        <Input aria-label="Event name" placeholder="event name" list={listId} value={rule.name} onChange={(e) => onChange({ ...rule, name: e.target.value })} className="w-48" />
        <datalist id={listId}>{eventNames.map((n) => <option key={n} value={n} />)}</datalist>
        {rule.performed && (
          <>
            <Select aria-label="Count" value={count.op} onChange={(e) => onChange({ ...rule, count: { ...count, op: e.target.value as "at_least" | "at_most" } })} wrapperClassName="w-28">
              <option value="at_least">at least</option>
              <option value="at_most">at most</option>
            </Select>
            <Input aria-label="Times" type="number" min={0} className="w-20" value={count.n} onChange={(e) => onChange({ ...rule, count: { ...count, n: toInt(e.target.value) ?? 0 } })} />
            <span>times</span>
          </>
        )}
        <span>in the last</span>
        <Input aria-label="Within days" type="number" min={1} placeholder="any" className="w-20" value={rule.withinDays ?? ""} onChange={(e) => onChange({ ...rule, withinDays: toInt(e.target.value) })} />
        <span>days</span>
      </div>
      {rule.where.map((w, i) => (
        <div key={i} className="ml-4 flex flex-wrap items-center gap-2 text-sm text-zinc-500">
          <span>where</span>
          <Input aria-label="Property" placeholder="property" className="w-40" value={w.key} onChange={(e) => setWhere(rule.where.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
          <span>is</span>
          <Input aria-label="Property value" placeholder="value" className="w-44" value={String(w.value)} onChange={(e) => setWhere(rule.where.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
          <Button size="sm" variant="ghost" aria-label="Remove filter" onClick={() => setWhere(rule.where.filter((_, j) => j !== i))}><X className="size-4" /></Button>
        </div>
      ))}
      <Button size="sm" variant="ghost" className="ml-4" onClick={() => setWhere([...rule.where, { key: "", value: "" }])}><Plus className="size-3.5" /> Property filter</Button>
    </div>
  );
}
