"use client";
import { Field, Select } from "@/components/ui";
import type { TJourneyGraph } from "@/server/journeys/graph/model";
import { messagesBefore } from "../graph-edit";
import { titleOf, type TNameLookups } from "../node-summary";

interface Props {
  label: string;
  testId: string;
  graph: TJourneyGraph;
  nodeId: string;
  kindName: TNameLookups["kind"];
  value: string;
  onChange: (id: string) => void;
  error?: string;
}

/** Choose a message step that comes before this node (others are listed too, marked, until wired). */
export function MessageStepPicker({ label, testId, graph, nodeId, kindName, value, onChange, error }: Props) {
  const before = messagesBefore(graph, nodeId);
  const others = graph.nodes.filter((n) => n.type === "message" && !before.includes(n));
  const name = (n: (typeof graph.nodes)[number]) => `${titleOf(n, { kind: kindName })} (${n.id})`;
  return (
    <Field label={label} htmlFor={testId} error={error} hint={before.length === 0 ? "Connect this step after a message step first." : undefined}>
      <Select id={testId} data-testid={testId} value={value} invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a message step…</option>
        {before.map((n) => <option key={n.id} value={n.id}>{name(n)}</option>)}
        {others.length > 0 && <optgroup label="Not before this step">{others.map((n) => <option key={n.id} value={n.id}>{name(n)}</option>)}</optgroup>}
      </Select>
    </Field>
  );
}
