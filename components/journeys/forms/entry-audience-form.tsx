"use client";
import { AudiencePicker } from "./audience-picker";
import { str, type TNodeFormProps } from "./form-types";

/** Read audience: who enters, once, when the journey is published. */
export function EntryAudienceForm({ data, lookups, errors, onChange }: TNodeFormProps) {
  return (
    <div className="space-y-3">
      <AudiencePicker label="Audience" testId="field-audience" audiences={lookups.audiences} value={str(data.audienceId)} onChange={(audienceId) => onChange({ ...data, audienceId })} error={errors.audienceId} />
      <p className="text-xs text-zinc-500">Everyone in it when the journey is published enters, at the entry rate set in the journey settings.</p>
    </div>
  );
}
