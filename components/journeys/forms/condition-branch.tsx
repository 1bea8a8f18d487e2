"use client";
import { Trash2 } from "lucide-react";
import { useBuilderOptions } from "@/components/audiences/use-builder-options";
import { RuleGroupEditor } from "@/components/audiences/rule-group-editor";
import { newAttributeRule, newGroup } from "@/components/audiences/rule-draft";
import { Button, Field, Input, Select } from "@/components/ui";
import type { TRuleGroup } from "@/server/audiences/rules";
import { BEHAVIOURS, type TBranchCondition } from "@/server/journeys/graph/nodes";
import { AudiencePicker } from "./audience-picker";
import { errorAt, str, type TNodeFormProps } from "./form-types";
import { MessageStepPicker } from "./message-step-picker";

export interface TConditionBranch {
  id: string;
  label: string;
  condition: TBranchCondition;
}

const BEHAVIOUR_LABELS: Record<(typeof BEHAVIOURS)[number], string> = { opened: "opened it", clicked: "clicked in it", delivered: "got it delivered", not_opened: "did not open it", not_clicked: "did not click in it" };

function emptyCondition(type: TBranchCondition["type"]): TBranchCondition {
  if (type === "rules") return { type, rules: newGroup("and", [newAttributeRule()]) };
  if (type === "message") return { type, messageNodeId: "", behaviour: "opened" };
  return { type, audienceId: "" };
}

interface Props extends Pick<TNodeFormProps, "node" | "graph" | "lookups" | "errors"> {
  index: number;
  branch: TConditionBranch;
  canRemove: boolean;
  onChange: (b: TConditionBranch, key?: string) => void;
  onRemove: () => void;
}

/** One branch of a condition: its name and what a profile must match to take it. */
export function ConditionBranch({ node, graph, lookups, errors, index, branch, canRemove, onChange, onRemove }: Props) {
  const options = useBuilderOptions();
  const at = `branches.${index}`;
  const c = branch.condition;
  const setCondition = (condition: TBranchCondition, key?: string) => onChange({ ...branch, condition }, key);
  const kindName = (id: string) => lookups.kinds.find((k) => k.id === id)?.name;
  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 bg-zinc-50/60 p-3" data-testid={`branch-${index}`}>
      <div className="flex items-end gap-2">
        <Field label={`Branch ${index + 1}`} htmlFor={`field-branch-${index}-label`} error={errors[`${at}.label`]} className="flex-1">
          <Input id={`field-branch-${index}-label`} data-testid={`field-branch-${index}-label`} value={branch.label} invalid={Boolean(errors[`${at}.label`])} onChange={(e) => onChange({ ...branch, label: e.target.value }, `${node.id}.${at}.label`)} />
        </Field>
        <Button size="sm" variant="ghost" className="mb-0.5" aria-label={`Remove branch ${index + 1}`} data-testid={`remove-branch-${index}`} disabled={!canRemove} onClick={onRemove}><Trash2 /></Button>
      </div>
      <Field label="Profiles who" htmlFor={`field-branch-${index}-type`}>
        <Select id={`field-branch-${index}-type`} data-testid={`field-branch-${index}-type`} value={c.type} onChange={(e) => setCondition(emptyCondition(e.target.value as TBranchCondition["type"]))}>
          <option value="audience">are in an audience or list</option>
          <option value="rules">match attribute and event rules</option>
          <option value="message">reacted to a message step</option>
        </Select>
      </Field>
      {c.type === "audience" && (
        <AudiencePicker label="Audience" testId={`field-branch-${index}-audience`} audiences={lookups.audiences} value={str(c.audienceId)} onChange={(audienceId) => setCondition({ ...c, audienceId })} error={errorAt(errors, `${at}.condition.audienceId`)} />
      )}
      {c.type === "rules" && (
        <div className="rounded-lg bg-white p-2 ring-1 ring-zinc-200">
          <RuleGroupEditor group={c.rules} options={options} onChange={(rules: TRuleGroup) => setCondition({ ...c, rules }, `${node.id}.${at}.rules`)} />
          {errorAt(errors, `${at}.condition.rules`) && <p role="alert" className="mt-2 text-xs text-red-600">{errorAt(errors, `${at}.condition.rules`)}</p>}
        </div>
      )}
      {c.type === "message" && (
        <div className="grid gap-3">
          <MessageStepPicker label="Message step" testId={`field-branch-${index}-message`} graph={graph} nodeId={node.id} kindName={kindName} value={str(c.messageNodeId)} onChange={(messageNodeId) => setCondition({ ...c, messageNodeId })} error={errorAt(errors, `${at}.condition.messageNodeId`)} />
          <Field label="And" htmlFor={`field-branch-${index}-behaviour`}>
            <Select id={`field-branch-${index}-behaviour`} data-testid={`field-branch-${index}-behaviour`} value={c.behaviour} onChange={(e) => setCondition({ ...c, behaviour: e.target.value as (typeof BEHAVIOURS)[number] })}>
              {BEHAVIOURS.map((b) => <option key={b} value={b}>{BEHAVIOUR_LABELS[b]}</option>)}
            </Select>
          </Field>
        </div>
      )}
    </div>
  );
}
