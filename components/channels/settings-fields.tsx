"use client";
import { Field, Input, Select, Textarea } from "@/components/ui";
import type { TSettingsField } from "@/plugins/sdk/settings";

/** The form of a plugin's settings, generated from its zod schema (fieldsOf). Secrets are write-only. */
export function SettingsFields({ fields, values, onChange, errors, editing }: { fields: TSettingsField[]; values: Record<string, unknown>; onChange: (values: Record<string, unknown>) => void; errors: Record<string, string | undefined>; editing: boolean }) {
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });
  return (
    <div className="space-y-4">
      {fields.map((f) => {
        const id = `setting-${f.key}`;
        const error = errors[`settings.${f.key}`] ?? errors[`configuration.settings.${f.key}`];
        const label = `${f.label}${f.required ? "" : " (optional)"}`;
        const value = values[f.key];
        if (f.type === "boolean") {
          return (
            <label key={f.key} className="flex items-center gap-2 text-sm text-zinc-800">
              <input type="checkbox" checked={Boolean(value)} onChange={(e) => set(f.key, e.target.checked)} className="size-4 rounded border-zinc-300" />
              {f.label}
            </label>
          );
        }
        return (
          <Field key={f.key} label={label} htmlFor={id} error={error} hint={f.secret ? (editing ? "Stored encrypted. Leave empty to keep the current value." : "Stored encrypted; never shown again.") : f.description}>
            {f.type === "enum" ? (
              <Select id={id} value={String(value ?? "")} onChange={(e) => set(f.key, e.target.value || undefined)}>
                {!f.required && <option value="">—</option>}
                {f.options?.map((o) => <option key={o} value={o}>{o}</option>)}
              </Select>
            ) : f.type === "text" ? (
              <Textarea id={id} rows={3} value={String(value ?? "")} placeholder={f.placeholder} onChange={(e) => set(f.key, e.target.value || undefined)} invalid={Boolean(error)} />
            ) : (
              <Input
                id={id}
                type={f.secret ? "password" : f.type === "number" ? "number" : "text"}
                autoComplete={f.secret ? "new-password" : "off"}
                value={f.secret && editing && value === "••••••••" ? "" : String(value ?? "")}
                placeholder={f.secret && editing ? "••••••••" : f.placeholder}
                onChange={(e) => set(f.key, f.type === "number" ? (e.target.value === "" ? undefined : Number(e.target.value)) : e.target.value || undefined)}
                invalid={Boolean(error)}
              />
            )}
          </Field>
        );
      })}
    </div>
  );
}
