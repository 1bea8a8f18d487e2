"use client";
import { Field, Input, Select } from "@/components/ui";
import type { TCampaignSchedule } from "@/db/schema";
import { cn } from "@/lib/cn";
import { TimeZoneSelect } from "@/components/ui/time-zone-select";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const today = () => new Date().toISOString().slice(0, 10);

export function defaultSchedule(type: TCampaignSchedule["type"]): TCampaignSchedule {
  if (type === "now") return { type };
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  if (type === "at") return { type, at: `${tomorrow}T09:00`, timezone: browserZone() };
  if (type === "local") return { type, date: tomorrow, time: "09:00" };
  return { type, frequency: "weekly", time: "09:00", timezone: browserZone(), daysOfWeek: [1], startsOn: today() };
}

/** When to send: now, at a date and time in a zone, or on a daily/weekly/monthly recurrence until an end date. */
export function ScheduleFields({ value, onChange, errors }: { value: TCampaignSchedule; onChange: (s: TCampaignSchedule) => void; errors: Record<string, string | undefined> }) {
  const types = [
    { id: "now", label: "Now", hint: "As soon as it is activated" },
    { id: "at", label: "At a date and time", hint: "Once, in the zone you pick" },
    { id: "recurring", label: "Recurring", hint: "Daily, weekly or monthly" },
    { id: "local", label: "In each recipient's time zone", hint: "At a time of day, where they live" },
  ] as const;
  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="When to send" className="grid gap-2 sm:grid-cols-2 xl:grid-cols-4">
        {types.map((t) => (
          <label key={t.id} className={cn("cursor-pointer rounded-lg border px-3 py-2.5 text-sm", value.type === t.id ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-zinc-200 hover:border-zinc-300")}>
            <input type="radio" name="schedule-type" className="sr-only" checked={value.type === t.id} onChange={() => onChange(defaultSchedule(t.id))} />
            <span className="block font-medium text-zinc-900">{t.label}</span>
            <span className="text-xs text-zinc-500">{t.hint}</span>
          </label>
        ))}
      </div>
      {value.type === "at" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label="Date and time" htmlFor="schedule-at" error={errors["schedule.at"]}>
            <Input id="schedule-at" type="datetime-local" value={value.at} invalid={Boolean(errors["schedule.at"])} onChange={(e) => onChange({ ...value, at: e.target.value.slice(0, 16) })} />
          </Field>
          <Field label="Time zone" htmlFor="schedule-zone">
            <TimeZoneSelect id="schedule-zone" value={value.timezone} onChange={(timezone) => onChange({ ...value, timezone })} />
          </Field>
        </div>
      ) : null}
      {value.type === "local" ? (
        <div className="space-y-2">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Date" htmlFor="schedule-date" error={errors["schedule.date"]}>
              <Input id="schedule-date" type="date" value={value.date} invalid={Boolean(errors["schedule.date"])} onChange={(e) => onChange({ ...value, date: e.target.value })} />
            </Field>
            <Field label="Time in each recipient's zone" htmlFor="schedule-local-time">
              <Input id="schedule-local-time" type="time" value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value.slice(0, 5) })} />
            </Field>
          </div>
          <p className="text-xs text-zinc-500">Each profile gets it at this time in its own time zone (profiles without one: the workspace&apos;s default zone, Channels → Sending rules). The send starts when the first zone on Earth reaches that time, up to 14 hours before yours; activated late, zones whose time has passed get it at that time the next day.</p>
        </div>
      ) : null}
      {value.type === "recurring" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <Field label="Frequency" htmlFor="schedule-frequency">
            <Select id="schedule-frequency" value={value.frequency} onChange={(e) => onChange({ ...value, frequency: e.target.value as "daily" | "weekly" | "monthly" })}>
              <option value="daily">Daily</option>
              <option value="weekly">Weekly</option>
              <option value="monthly">Monthly</option>
            </Select>
          </Field>
          <Field label="Time" htmlFor="schedule-time">
            <Input id="schedule-time" type="time" value={value.time} onChange={(e) => onChange({ ...value, time: e.target.value.slice(0, 5) })} />
          </Field>
          <Field label="Time zone" htmlFor="schedule-zone">
            <TimeZoneSelect id="schedule-zone" value={value.timezone} onChange={(timezone) => onChange({ ...value, timezone })} />
          </Field>
          {value.frequency === "weekly" ? (
            <fieldset className="sm:col-span-3">
              <legend className="mb-1.5 text-sm font-medium text-zinc-800">Days</legend>
              <div className="flex flex-wrap gap-2">
                {DAYS.map((d, i) => {
                  const on = value.daysOfWeek?.includes(i) ?? false;
                  const days = on ? (value.daysOfWeek ?? []).filter((x) => x !== i) : [...(value.daysOfWeek ?? []), i].sort();
                  return (
                    <label key={d} className={cn("cursor-pointer rounded-md border px-2.5 py-1 text-sm", on ? "border-brand-500 bg-brand-50 text-brand-800" : "border-zinc-200 text-zinc-600")}>
                      <input type="checkbox" className="sr-only" checked={on} onChange={() => onChange({ ...value, daysOfWeek: days })} /> {d}
                    </label>
                  );
                })}
              </div>
            </fieldset>
          ) : null}
          {value.frequency === "monthly" ? (
            <Field label="Day of the month" htmlFor="schedule-dom" hint="1 to 28">
              <Input id="schedule-dom" type="number" min={1} max={28} value={value.dayOfMonth ?? 1} onChange={(e) => onChange({ ...value, dayOfMonth: Number(e.target.value) })} />
            </Field>
          ) : null}
          <Field label="Starts on" htmlFor="schedule-starts">
            <Input id="schedule-starts" type="date" value={value.startsOn} onChange={(e) => onChange({ ...value, startsOn: e.target.value })} />
          </Field>
          <Field label="Until (optional)" htmlFor="schedule-until" error={errors["schedule.until"]}>
            <Input id="schedule-until" type="date" value={value.until ?? ""} onChange={(e) => onChange({ ...value, until: e.target.value || undefined })} />
          </Field>
        </div>
      ) : null}
    </div>
  );
}
