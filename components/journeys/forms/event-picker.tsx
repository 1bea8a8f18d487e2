"use client";
import Link from "next/link";
import { Field, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

interface Props {
  definitions: { id: string; name: string; trackName: string }[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}

/** Choose a business event (an event definition). */
export function EventPicker({ definitions, value, onChange, error }: Props) {
  const ws = useWorkspace();
  return (
    <Field label="Business event" htmlFor="field-definition" error={error} hint={<>Defined under <Link href={`/${ws.slug}/events`} target="_blank" className="font-medium text-brand-700 hover:text-brand-800">Events</Link>: a tracked name and a condition.</>}>
      <Select id="field-definition" data-testid="field-definition" value={value} invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose an event…</option>
        {definitions.map((d) => <option key={d.id} value={d.id}>{d.name}{d.trackName !== d.name ? ` (track “${d.trackName}”)` : ""}</option>)}
      </Select>
    </Field>
  );
}
