"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button, Field, Input, Select, Textarea } from "@/components/ui";

export type TFieldDraft = { name: string; type: "string" | "number" | "boolean" | "date"; required: boolean };
export type TDefinitionDraft = { name: string; description: string; trackName: string; condition: string; fields: TFieldDraft[] };

export const emptyDraft: TDefinitionDraft = { name: "", description: "", trackName: "", condition: "", fields: [] };

/** The fields of an event definition; errors come keyed by field name from the server. */
export function DefinitionForm({ draft, onChange, errors, id }: { draft: TDefinitionDraft; onChange: (d: TDefinitionDraft) => void; errors: Record<string, string | undefined>; id: string }) {
  const set = (patch: Partial<TDefinitionDraft>) => onChange({ ...draft, ...patch });
  const setField = (i: number, patch: Partial<TFieldDraft>) => set({ fields: draft.fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  return (
    <div className="space-y-4" id={id}>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Event name" htmlFor="def-name" error={errors.name} hint="How journeys and audiences refer to it">
          <Input id="def-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} invalid={Boolean(errors.name)} placeholder="purchase" />
        </Field>
        <Field label="Incoming track event" htmlFor="def-track" error={errors.trackName} hint="The `event` of the track calls to look at">
          <Input id="def-track" value={draft.trackName} onChange={(e) => set({ trackName: e.target.value })} invalid={Boolean(errors.trackName)} placeholder="purchase" />
        </Field>
      </div>
      <Field label="Condition" htmlFor="def-condition" error={errors.condition} hint='Optional, on the properties: purchaseMessage == "thank you"'>
        <Input id="def-condition" value={draft.condition} onChange={(e) => set({ condition: e.target.value })} invalid={Boolean(errors.condition)} className="font-mono" />
      </Field>
      <Field label="Description" htmlFor="def-description">
        <Textarea id="def-description" rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
      </Field>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Payload fields</legend>
        {draft.fields.map((f, i) => (
          <div key={i} className="flex items-center gap-2">
            <Input aria-label={`Field ${i + 1} name`} value={f.name} onChange={(e) => setField(i, { name: e.target.value })} placeholder="product" className="flex-1" />
            <Select aria-label={`Field ${i + 1} type`} value={f.type} onChange={(e) => setField(i, { type: e.target.value as TFieldDraft["type"] })} wrapperClassName="w-32">
              {(["string", "number", "boolean", "date"] as const).map((t) => <option key={t} value={t}>{t}</option>)}
            </Select>
            <label className="flex items-center gap-1.5 text-sm text-zinc-600">
              <input type="checkbox" checked={f.required} onChange={(e) => setField(i, { required: e.target.checked })} /> required
            </label>
            <Button variant="ghost" size="sm" aria-label={`Remove field ${i + 1}`} onClick={() => set({ fields: draft.fields.filter((_, j) => j !== i) })}><Trash2 className="size-4" /></Button>
          </div>
        ))}
        {errors.fields && <p role="alert" className="text-xs text-red-600">{errors.fields}</p>}
        <Button variant="secondary" size="sm" onClick={() => set({ fields: [...draft.fields, { name: "", type: "string", required: false }] })}><Plus className="size-3.5" /> Add field</Button>
      </fieldset>
    </div>
  );
}
