"use client";
import { Plus, Trash2 } from "lucide-react";
import { useId } from "react";
import { Button, Input, Select } from "@/components/ui";

type TScalar = string | number | boolean;
export interface TWhere {
  key: string;
  value: TScalar;
}
interface TField {
  name: string;
  type: "string" | "number" | "boolean" | "date";
}

function ValueInput({ type, value, index, onChange }: { type: TField["type"]; value: TScalar; index: number; onChange: (v: TScalar) => void }) {
  const common = { "aria-label": `Filter ${index + 1} value`, "data-testid": `field-where-${index}-value` };
  if (type === "boolean")
    return (
      <Select {...common} wrapperClassName="flex-1" value={String(value)} onChange={(e) => onChange(e.target.value === "true")}>
        <option value="true">true</option>
        <option value="false">false</option>
      </Select>
    );
  if (type === "number") return <Input {...common} type="number" className="flex-1" value={typeof value === "number" ? value : ""} onChange={(e) => onChange(Number(e.target.value))} />;
  return <Input {...common} className="flex-1" value={String(value)} onChange={(e) => onChange(e.target.value)} placeholder="value" />;
}

/** Payload conditions on the awaited event: every `field = value` must hold. */
export function WhereFilters({ value, fields, onChange }: { value: TWhere[]; fields: TField[]; onChange: (w: TWhere[]) => void }) {
  const listId = useId();
  const typeOf = (key: string) => fields.find((f) => f.name === key)?.type ?? "string";
  const set = (i: number, w: TWhere) => onChange(value.map((x, j) => (j === i ? w : x)));
  return (
    <fieldset className="space-y-2">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">Only when the payload has</legend>
      <datalist id={listId}>{fields.map((f) => <option key={f.name} value={f.name}>{f.type}</option>)}</datalist>
      {value.length === 0 && <p className="text-xs text-zinc-500">Any occurrence of the event counts.</p>}
      {value.map((w, i) => (
        <div key={i} className="flex items-center gap-2">
          <Input aria-label={`Filter ${i + 1} field`} data-testid={`field-where-${i}-key`} list={listId} className="w-36" placeholder="field" value={w.key}
            onChange={(e) => set(i, { key: e.target.value, value: typeOf(e.target.value) === typeOf(w.key) ? w.value : typeOf(e.target.value) === "boolean" ? true : "" })} />
          <span className="text-sm text-zinc-400">=</span>
          <ValueInput type={typeOf(w.key)} value={w.value} index={i} onChange={(v) => set(i, { ...w, value: v })} />
          <Button size="sm" variant="ghost" aria-label={`Remove filter ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}><Trash2 /></Button>
        </div>
      ))}
      <Button size="sm" variant="secondary" data-testid="add-where" onClick={() => onChange([...value, { key: "", value: "" }])}><Plus /> Add a condition</Button>
    </fieldset>
  );
}
