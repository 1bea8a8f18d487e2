"use client";
import { Button, Dialog, Field, Input, Select } from "@/components/ui";
import { ZJourneySettings, type TJourneySettings } from "@/server/journeys/graph/model";
import { DurationField } from "./forms/duration-field";
import { toLocalInput } from "./forms/wait-form";

interface Props {
  open: boolean;
  onClose: () => void;
  settings: TJourneySettings;
  definitions: { id: string; name: string }[];
  readOnly: boolean;
  onChange: (settings: TJourneySettings, key?: string) => void;
}

/** Journey-wide rules: re-entry, exit criteria, entry rate, end date and how long a deferred message may wait (saved with the draft). */
export function JourneySettingsDialog({ open, onClose, settings, definitions, readOnly, onChange }: Props) {
  const parsed = ZJourneySettings.safeParse(settings);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const i of parsed.error.issues) errors[i.path.join(".")] ??= i.message;
  const set = (patch: Partial<TJourneySettings>, key?: string) => onChange({ ...settings, ...patch }, key);
  const exits = new Set(settings.exitEventDefinitionIds);
  const toggleExit = (id: string) => set({ exitEventDefinitionIds: exits.has(id) ? settings.exitEventDefinitionIds.filter((x) => x !== id) : [...settings.exitEventDefinitionIds, id] });
  return (
    <Dialog open={open} onClose={onClose} title="Journey settings" description="Apply to every profile in this journey; frozen with each published version." footer={<Button onClick={onClose}>Done</Button>}>
      <fieldset disabled={readOnly} className="space-y-5" data-testid="journey-settings">
        <Field label="Re-entry" htmlFor="settings-reentry" error={errors["reEntry.days"]} hint="Whether a profile that went through can enter again.">
          <div className="flex items-center gap-2">
            <Select id="settings-reentry" data-testid="settings-reentry" wrapperClassName="flex-1" value={settings.reEntry.mode} onChange={(e) => set({ reEntry: e.target.value === "after" ? { mode: "after", days: 30 } : { mode: "never" } })}>
              <option value="never">Never: once per profile</option>
              <option value="after">Again, after a number of days</option>
            </Select>
            {settings.reEntry.mode === "after" && (
              <span className="flex items-center gap-2 text-sm text-zinc-600">
                <Input aria-label="Re-entry wait in days" data-testid="settings-reentry-days" type="number" min={0} className="w-24" value={Number.isFinite(settings.reEntry.days) ? settings.reEntry.days : ""}
                  onChange={(e) => set({ reEntry: { mode: "after", days: Number(e.target.value) } }, "settings.reentry")} /> days
              </span>
            )}
          </div>
        </Field>
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Exit criteria</legend>
          <p className="mb-2 text-xs text-zinc-500">A profile leaves the journey at once when one of these business events happens.</p>
          {definitions.length === 0 && <p className="text-sm text-zinc-500">No business events defined yet.</p>}
          <div className="grid max-h-44 gap-1 overflow-y-auto">
            {definitions.map((d) => (
              <label key={d.id} className="flex items-center gap-2 rounded-md px-1 py-0.5 text-sm text-zinc-700 hover:bg-zinc-50">
                <input type="checkbox" className="size-4 accent-brand-600" data-testid={`settings-exit-${d.name}`} checked={exits.has(d.id)} onChange={() => toggleExit(d.id)} /> {d.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="grid grid-cols-2 gap-4">
          <Field label="Entry rate" htmlFor="settings-rate" error={errors.entryRatePerSecond} hint="Profiles per second entering from an audience.">
            <Input id="settings-rate" data-testid="settings-rate" type="number" min={1} value={Number.isFinite(settings.entryRatePerSecond) ? settings.entryRatePerSecond : ""} onChange={(e) => set({ entryRatePerSecond: Number(e.target.value) }, "settings.rate")} />
          </Field>
          <Field label="End date (optional)" htmlFor="settings-ends" error={errors.endsAt} hint="No new entries after it.">
            <Input id="settings-ends" data-testid="settings-ends" type="datetime-local" value={settings.endsAt ? toLocalInput(settings.endsAt) : ""} onChange={(e) => set({ endsAt: e.target.value ? new Date(e.target.value).toISOString() : null })} />
          </Field>
        </div>
        <DurationField
          label="Deferred messages expire after"
          name="settings-deferred-expiry"
          value={settings.deferredExpiry ?? { amount: 3, unit: "days" }}
          onChange={(deferredExpiry) => set({ deferredExpiry }, "settings.deferredExpiry")}
          error={errors["deferredExpiry.amount"] ?? errors["deferredExpiry.unit"]}
          hint="A message held back by quiet hours or a frequency cap keeps its profile at the step until it goes; still held after this long, it expires and the profile goes on."
        />
      </fieldset>
    </Dialog>
  );
}
