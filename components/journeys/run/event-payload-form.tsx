"use client";
import { useState } from "react";
import { Input, Textarea } from "@/components/ui";
import type { TEventField } from "@/db/schema/event-definitions";

export type TEventDefinitionView = { name: string; fields: TEventField[]; condition: string | null };

const parse = (text: string): Record<string, unknown> | null => {
  try {
    const v = JSON.parse(text || "{}") as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

const fieldValue = (field: TEventField, raw: string | boolean): unknown => {
  if (field.type === "boolean") return raw === true;
  if (field.type === "number") return raw === "" ? undefined : Number(raw);
  return raw === "" ? undefined : raw;
};

/**
 * A business event's payload as a form built from its definition (one input per field, by
 * type, the condition shown); the JSON below it is the same payload, for fields the
 * definition does not list. `value` is the JSON text; `onChange` gets the new text.
 */
export function EventPayloadForm({ definition, value, onChange }: { definition: TEventDefinitionView; value: string; onChange: (text: string) => void }) {
  const [showJson, setShowJson] = useState(false);
  const payload = parse(value);
  const set = (field: TEventField, raw: string | boolean) => {
    const next = { ...(payload ?? {}), [field.name]: fieldValue(field, raw) };
    if (next[field.name] === undefined) delete next[field.name];
    onChange(JSON.stringify(next, null, 2));
  };
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 bg-white p-2.5" data-testid="event-form">
      {definition.condition && (
        <p className="text-xs text-zinc-600">Counts as “{definition.name}” when <code className="rounded bg-zinc-100 px-1 py-0.5 text-[11px] text-zinc-800">{definition.condition}</code></p>
      )}
      {definition.fields.map((f) => {
        const v = payload?.[f.name];
        return (
          <label key={f.name} className="grid grid-cols-[7.5rem_1fr] items-center gap-2 text-xs">
            <span className="truncate text-zinc-700" title={`${f.name} (${f.type})`}>{f.name}{f.required && <span className="text-red-600"> *</span>} <span className="text-zinc-400">{f.type}</span></span>
            {f.type === "boolean" ? (
              <input type="checkbox" className="size-4" checked={v === true} onChange={(e) => set(f, e.target.checked)} data-testid={`fire-field-${f.name}`} />
            ) : (
              <Input className="h-8 text-xs" type={f.type === "number" ? "number" : f.type === "date" ? "date" : "text"} value={v === undefined || v === null ? "" : String(v)} onChange={(e) => set(f, e.target.value)} data-testid={`fire-field-${f.name}`} />
            )}
          </label>
        );
      })}
      <button type="button" className="text-xs font-medium text-brand-700 hover:underline" onClick={() => setShowJson((s) => !s)}>{showJson ? "Hide JSON" : "Edit as JSON"}</button>
      {(showJson || !payload) && (
        <>
          <Textarea rows={4} className="font-mono text-xs" value={value} onChange={(e) => onChange(e.target.value)} invalid={!payload} aria-label="Event payload" data-testid="fire-payload" />
          {!payload && <p className="text-xs text-red-600">Write a JSON object, e.g. {"{"}&quot;product&quot;: &quot;Desk lamp&quot;{"}"}</p>}
        </>
      )}
    </div>
  );
}

export const parsePayload = parse;
