"use client";
import { Plus } from "lucide-react";
import { Button } from "@/components/ui";
import { nextBranchId } from "../node-defaults";
import { ConditionBranch, type TConditionBranch } from "./condition-branch";
import type { TNodeFormProps } from "./form-types";

/** Condition split: branches checked in order, the first a profile matches wins; the rest take "All others". */
export function ConditionForm(props: TNodeFormProps) {
  const { data, onChange } = props;
  const branches = (Array.isArray(data.branches) ? data.branches : []) as TConditionBranch[];
  const set = (next: TConditionBranch[], key?: string) => onChange({ ...data, branches: next }, key);
  const add = () => {
    const id = nextBranchId(branches.map((b) => b.id));
    set([...branches, { id, label: `Branch ${branches.length + 1}`, condition: { type: "audience", audienceId: "" } }]);
  };
  return (
    <div className="space-y-3">
      <p className="text-xs text-zinc-500">Checked in order: a profile takes the first branch it matches.</p>
      {branches.map((b, i) => (
        <ConditionBranch key={b.id} {...props} index={i} branch={b} canRemove={branches.length > 1}
          onChange={(next, key) => set(branches.map((x, j) => (j === i ? next : x)), key)} onRemove={() => set(branches.filter((_, j) => j !== i))} />
      ))}
      <Button size="sm" variant="secondary" data-testid="add-branch" disabled={branches.length >= 10} onClick={add}><Plus /> Add a branch</Button>
      <div className="rounded-xl border border-dashed border-zinc-300 px-3 py-2.5 text-sm text-zinc-600" data-testid="branch-others">
        <span className="font-medium text-zinc-800">All others</span>: profiles that match no branch.
      </div>
    </div>
  );
}
