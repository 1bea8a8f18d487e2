"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button, Input } from "@/components/ui";
import { cn } from "@/lib/cn";
import { nextBranchId } from "../node-defaults";
import type { TNodeFormProps } from "./form-types";

interface TBranch {
  id: string;
  label: string;
  percent: number;
}

/** Even percentages that add up to 100 (the first branches take the remainder). */
export function evenSplit(n: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.floor(100 / n) + (i < 100 % n ? 1 : 0));
}

/** Random split: each profile takes one branch, with the given chances (A/B tests). */
export function RandomForm({ node, data, errors, onChange }: TNodeFormProps) {
  const branches = (Array.isArray(data.branches) ? data.branches : []) as TBranch[];
  const sum = branches.reduce((s, b) => s + (Number.isFinite(b.percent) ? b.percent : 0), 0);
  const set = (next: TBranch[], key?: string) => onChange({ ...data, branches: next }, key);
  const add = () => {
    const id = nextBranchId(branches.map((b) => b.id), "letters");
    set([...branches, { id, label: id.toUpperCase(), percent: Math.max(0, 100 - sum) }]);
  };
  const even = () => {
    const p = evenSplit(branches.length);
    set(branches.map((b, i) => ({ ...b, percent: p[i]! })));
  };
  return (
    <div className="space-y-3">
      <div className="grid grid-cols-[1fr_6rem_2rem] gap-2 text-xs font-medium text-zinc-500">
        <span>Branch</span>
        <span>Percent</span>
      </div>
      {branches.map((b, i) => (
        <div key={b.id} className="grid grid-cols-[1fr_6rem_2rem] items-start gap-2">
          <Input aria-label={`Branch ${i + 1} name`} data-testid={`field-branch-${i}-label`} value={b.label} invalid={Boolean(errors[`branches.${i}.label`])} onChange={(e) => set(branches.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)), `${node.id}.b${i}.label`)} />
          <div className="relative">
            <Input aria-label={`Branch ${i + 1} percent`} data-testid={`field-branch-${i}-percent`} type="number" min={0} max={100} className="pr-7" value={Number.isFinite(b.percent) ? b.percent : ""}
              onChange={(e) => set(branches.map((x, j) => (j === i ? { ...x, percent: e.target.value === "" ? Number.NaN : Math.round(Number(e.target.value)) } : x)), `${node.id}.b${i}.percent`)} />
            <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-zinc-400">%</span>
          </div>
          <Button size="sm" variant="ghost" className="mt-0.5" aria-label={`Remove branch ${i + 1}`} data-testid={`remove-branch-${i}`} disabled={branches.length <= 2} onClick={() => set(branches.filter((_, j) => j !== i))}><Trash2 /></Button>
        </div>
      ))}
      <div className={cn("flex items-center justify-between rounded-lg px-3 py-2 text-sm", sum === 100 ? "bg-emerald-50 text-emerald-800" : "bg-red-50 text-red-700")} data-testid="random-sum">
        <span>Total</span>
        <span className="font-semibold tabular-nums">{sum}%{sum !== 100 ? " (must be 100%)" : ""}</span>
      </div>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" data-testid="add-branch" disabled={branches.length >= 10} onClick={add}><Plus /> Add a branch</Button>
        <Button size="sm" variant="ghost" onClick={even}>Split evenly</Button>
      </div>
    </div>
  );
}
