"use client";
import { FilePlus2, Upload } from "lucide-react";
import Link from "next/link";
import { Field, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatNumber } from "./format-number";

interface TAudience {
  id: string;
  name: string;
  kind: string;
  count: number | null;
}

interface Props {
  label: string;
  testId: string;
  audiences: TAudience[];
  value: string;
  onChange: (id: string) => void;
  error?: string;
  /** Only lists (for list updates), or audiences and lists. */
  only?: "list";
}

/** Choose an audience or a list; or go build one, or import a CSV (in a new tab, the journey stays open). */
export function AudiencePicker({ label, testId, audiences, value, onChange, error, only }: Props) {
  const ws = useWorkspace();
  const rules = only ? [] : audiences.filter((a) => a.kind !== "list");
  const lists = audiences.filter((a) => a.kind === "list");
  const option = (a: TAudience) => <option key={a.id} value={a.id}>{a.name}{a.count != null ? ` (${formatNumber(a.count)})` : ""}</option>;
  const link = "inline-flex items-center gap-1 text-xs font-medium text-brand-700 hover:text-brand-800";
  return (
    <Field label={label} htmlFor={testId} error={error}>
      <Select id={testId} data-testid={testId} value={value} invalid={Boolean(error)} onChange={(e) => onChange(e.target.value)}>
        <option value="">{only ? "Choose a list…" : "Choose an audience…"}</option>
        {rules.length > 0 && <optgroup label="Audiences">{rules.map(option)}</optgroup>}
        {lists.length > 0 && <optgroup label="Lists">{lists.map(option)}</optgroup>}
      </Select>
      <div className="flex gap-4 pt-0.5">
        <Link href={`/${ws.slug}/audiences/new`} target="_blank" className={link}><FilePlus2 className="size-3.5" /> Build an audience</Link>
        <Link href={`/${ws.slug}/audiences/import`} target="_blank" className={link}><Upload className="size-3.5" /> Import a CSV</Link>
      </div>
    </Field>
  );
}
