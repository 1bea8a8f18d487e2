"use client";
import { EventPicker } from "./event-picker";
import { str, type TNodeFormProps } from "./form-types";

/** Business event entry: a profile enters each time the event happens. */
export function EntryEventForm({ data, lookups, errors, onChange }: TNodeFormProps) {
  return (
    <div className="space-y-3">
      <EventPicker definitions={lookups.definitions} value={str(data.definitionId)} onChange={(definitionId) => onChange({ ...data, definitionId })} error={errors.definitionId} />
      <p className="text-xs text-zinc-500">The event&apos;s payload is available to messages as <code className="rounded bg-zinc-100 px-1">{"{{ event.<field> }}"}</code>.</p>
    </div>
  );
}
