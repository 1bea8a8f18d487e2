"use client";
import { Input, Select } from "@/components/ui";
import { DURATION_UNITS, type TDuration } from "@/server/journeys/graph/nodes";

interface Props {
  label: string;
  /** Prefix of the inputs' test ids: `field-<name>-amount`, `field-<name>-unit`. */
  name: string;
  value: unknown;
  onChange: (d: TDuration) => void;
  error?: string;
  hint?: string;
}

/** A whole number of minutes, hours or days. */
export function DurationField({ label, name, value, onChange, error, hint }: Props) {
  const d = (value ?? {}) as Partial<TDuration>;
  const unit = d.unit ?? "days";
  const amount = typeof d.amount === "number" && Number.isFinite(d.amount) ? d.amount : "";
  return (
    <fieldset className="space-y-1.5">
      <legend className="mb-1.5 text-sm font-medium text-zinc-800">{label}</legend>
      <div className="flex gap-2">
        <Input
          type="number"
          min={1}
          aria-label={`${label} amount`}
          data-testid={`field-${name}-amount`}
          className="w-24"
          invalid={Boolean(error)}
          value={amount}
          onChange={(e) => onChange({ amount: e.target.value === "" ? Number.NaN : Number(e.target.value), unit })}
        />
        <Select aria-label={`${label} unit`} data-testid={`field-${name}-unit`} wrapperClassName="w-32" value={unit} onChange={(e) => onChange({ amount: typeof d.amount === "number" ? d.amount : 1, unit: e.target.value as TDuration["unit"] })}>
          {DURATION_UNITS.map((u) => <option key={u} value={u}>{u}</option>)}
        </Select>
      </div>
      {error ? <p role="alert" className="text-xs text-red-600">{error}</p> : hint ? <p className="text-xs text-zinc-500">{hint}</p> : null}
    </fieldset>
  );
}
