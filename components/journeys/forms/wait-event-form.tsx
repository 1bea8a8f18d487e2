"use client";
import { DurationField } from "./duration-field";
import { EventPicker } from "./event-picker";
import { errorAt, str, type TNodeFormProps } from "./form-types";
import { WhereFilters, type TWhere } from "./where-filters";

/** Wait for a business event (optionally with payload conditions), or take the timeout path. */
export function WaitEventForm({ node, data, lookups, errors, onChange }: TNodeFormProps) {
  const definition = lookups.definitions.find((d) => d.id === data.definitionId);
  const where = (Array.isArray(data.where) ? data.where : []) as TWhere[];
  return (
    <div className="space-y-4">
      <EventPicker definitions={lookups.definitions} value={str(data.definitionId)} onChange={(definitionId) => onChange({ ...data, definitionId })} error={errors.definitionId} />
      <WhereFilters value={where} fields={definition?.fields ?? []} onChange={(w) => onChange({ ...data, where: w }, `${node.id}.where`)} />
      {errorAt(errors, "where") && <p role="alert" className="text-xs text-red-600">{errorAt(errors, "where")}</p>}
      <DurationField label="Timeout" name="timeout" value={data.timeout} onChange={(timeout) => onChange({ ...data, timeout }, `${node.id}.timeout`)} error={errorAt(errors, "timeout")} hint="Without the event by then, the profile takes the Timeout path." />
    </div>
  );
}
