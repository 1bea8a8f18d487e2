"use client";
import { Field, Input, Select } from "@/components/ui";
import { DurationField } from "./duration-field";
import { errorAt, str, type TNodeFormProps } from "./form-types";

const pad = (n: number) => String(n).padStart(2, "0");
/** An ISO instant as a datetime-local value in the browser's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

const DEFAULTS: Record<string, Record<string, unknown>> = {
  duration: { mode: "duration", duration: { amount: 1, unit: "days" } },
  until: { mode: "until", at: "" },
  time_of_day: { mode: "time_of_day", time: "09:00" },
};

/** Wait: for a duration, until a date, or until a time of day in the profile's time zone. */
export function WaitForm({ node, data, errors, onChange }: TNodeFormProps) {
  const mode = str(data.mode) || "duration";
  return (
    <div className="space-y-4">
      <Field label="Wait" htmlFor="field-wait-mode">
        <Select id="field-wait-mode" data-testid="field-wait-mode" value={mode} onChange={(e) => onChange({ ...DEFAULTS[e.target.value] })}>
          <option value="duration">For a duration</option>
          <option value="until">Until a date and time</option>
          <option value="time_of_day">Until a time of day</option>
        </Select>
      </Field>
      {mode === "duration" && <DurationField label="Duration" name="duration" value={data.duration} onChange={(duration) => onChange({ ...data, duration }, `${node.id}.duration`)} error={errorAt(errors, "duration")} />}
      {mode === "until" && (
        <Field label="Date and time" htmlFor="field-wait-at" error={errors.at} hint={`In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}). Profiles arriving later go straight on.`}>
          <Input id="field-wait-at" data-testid="field-wait-at" type="datetime-local" invalid={Boolean(errors.at)} value={toLocalInput(str(data.at))}
            onChange={(e) => onChange({ ...data, at: e.target.value ? new Date(e.target.value).toISOString() : "" })} />
        </Field>
      )}
      {mode === "time_of_day" && (
        <Field label="Time of day" htmlFor="field-wait-time" error={errors.time} hint="In each profile's own time zone: the next time it is this hour there.">
          <Input id="field-wait-time" data-testid="field-wait-time" type="time" className="w-36" invalid={Boolean(errors.time)} value={str(data.time)} onChange={(e) => onChange({ ...data, time: e.target.value })} />
        </Field>
      )}
    </div>
  );
}
