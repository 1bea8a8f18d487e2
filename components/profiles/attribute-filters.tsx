"use client";
import { Plus, X } from "lucide-react";
import { useState } from "react";
import { Button, Input, Select } from "@/components/ui";

export type TFilter = { key: string; op: "equals" | "contains" | "exists" | "not_exists"; value?: string };

const OPS: { op: TFilter["op"]; label: string; needsValue: boolean }[] = [
  { op: "equals", label: "is", needsValue: true },
  { op: "contains", label: "contains", needsValue: true },
  { op: "exists", label: "is set", needsValue: false },
  { op: "not_exists", label: "is not set", needsValue: false },
];

/** Chips for the active attribute filters and a small form to add one. */
export function AttributeFilters({ keys, filters, onChange }: { keys: string[]; filters: TFilter[]; onChange: (f: TFilter[]) => void }) {
  const [draft, setDraft] = useState<TFilter>({ key: "", op: "equals", value: "" });
  const needsValue = OPS.find((o) => o.op === draft.op)?.needsValue ?? true;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {filters.map((f, i) => (
        <span key={`${f.key}-${i}`} className="inline-flex items-center gap-1 rounded-full bg-brand-50 px-3 py-1 text-xs font-medium text-brand-800 ring-1 ring-brand-200">
          {f.key} {OPS.find((o) => o.op === f.op)?.label} {f.value && <strong>{f.value}</strong>}
          <button type="button" aria-label={`Remove filter on ${f.key}`} className="ml-1 text-brand-500 hover:text-brand-800" onClick={() => onChange(filters.filter((_, j) => j !== i))}>
            <X className="size-3" />
          </button>
        </span>
      ))}
      <form
        className="flex items-center gap-1.5"
        onSubmit={(e) => {
          e.preventDefault();
          if (!draft.key || (needsValue && !draft.value)) return;
          onChange([...filters, needsValue ? draft : { key: draft.key, op: draft.op }]);
          setDraft({ key: "", op: "equals", value: "" });
        }}
      >
        <Select aria-label="Attribute" value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} wrapperClassName="w-40">
          <option value="">Attribute…</option>
          {keys.map((k) => <option key={k} value={k}>{k}</option>)}
        </Select>
        <Select aria-label="Operator" value={draft.op} onChange={(e) => setDraft({ ...draft, op: e.target.value as TFilter["op"] })} wrapperClassName="w-32">
          {OPS.map((o) => <option key={o.op} value={o.op}>{o.label}</option>)}
        </Select>
        {needsValue && <Input aria-label="Value" placeholder="Value" value={draft.value} onChange={(e) => setDraft({ ...draft, value: e.target.value })} className="w-36" />}
        <Button type="submit" size="sm" variant="secondary"><Plus className="size-3.5" /> Filter</Button>
      </form>
    </div>
  );
}
