"use client";
import { Field, Select } from "@/components/ui";
import { REACTIONS } from "@/server/journeys/graph/nodes";
import { DurationField } from "./duration-field";
import { errorAt, str, type TNodeFormProps } from "./form-types";
import { MessageStepPicker } from "./message-step-picker";

const LABELS: Record<(typeof REACTIONS)[number], string> = { opened: "Opened it", clicked: "Clicked a link in it", delivered: "It was delivered" };

/** Reaction: wait until the profile reacts to an earlier message, or the timeout. */
export function ReactionForm({ node, data, graph, lookups, errors, onChange }: TNodeFormProps) {
  const kindName = (id: string) => lookups.kinds.find((k) => k.id === id)?.name;
  return (
    <div className="space-y-4">
      <MessageStepPicker label="Message" testId="field-reaction-message" graph={graph} nodeId={node.id} kindName={kindName} value={str(data.messageNodeId)} onChange={(messageNodeId) => onChange({ ...data, messageNodeId })} error={errors.messageNodeId} />
      <Field label="Reaction" htmlFor="field-reaction-type" error={errors.reaction}>
        <Select id="field-reaction-type" data-testid="field-reaction-type" value={str(data.reaction) || "opened"} onChange={(e) => onChange({ ...data, reaction: e.target.value })}>
          {REACTIONS.map((r) => <option key={r} value={r}>{LABELS[r]}</option>)}
        </Select>
      </Field>
      <DurationField label="Timeout" name="timeout" value={data.timeout} onChange={(timeout) => onChange({ ...data, timeout }, `${node.id}.timeout`)} error={errorAt(errors, "timeout")} hint="Without the reaction by then, the profile takes the Timeout path." />
    </div>
  );
}
