"use client";
import { CircleAlert, Trash2 } from "lucide-react";
import { Button, Field, Input } from "@/components/ui";
import { cn } from "@/lib/cn";
import type { TJourneyGraph, TJourneyNode } from "@/server/journeys/graph/model";
import type { TGraphError } from "@/server/journeys/graph/validate-graph";
import { NODE_FORMS } from "./forms";
import { iconOf, NODE_META, toneOf } from "./node-catalog";
import { errorsOfNode } from "./node-errors";
import { titleOf } from "./node-summary";
import type { TJourneyLookups } from "./use-journey-lookups";

interface Props {
  node: TJourneyNode;
  graph: TJourneyGraph;
  errors: TGraphError[];
  lookups: TJourneyLookups;
  readOnly: boolean;
  onChange: (patch: { label?: string; data?: Record<string, unknown> }, key?: string) => void;
  onDelete: () => void;
}

/** The selected step's settings: its name, its form, and what is still wrong with it. */
export function NodePanel({ node, graph, errors, lookups, readOnly, onChange, onDelete }: Props) {
  const Form = NODE_FORMS[node.type];
  const Icon = iconOf(node.type, node.data);
  const { byField, general } = errorsOfNode(node, errors);
  const kind = (id: string) => lookups.kinds.find((k) => k.id === id)?.name;
  return (
    <div className="space-y-5" data-testid="node-panel" data-node-id={node.id}>
      <div className="flex items-start gap-3">
        <span className={cn("grid size-9 shrink-0 place-items-center rounded-lg ring-1 ring-inset", toneOf(node.type).icon)}><Icon className="size-5" /></span>
        <div className="min-w-0 flex-1">
          <h2 className="truncate text-base font-semibold text-zinc-900" data-testid="node-panel-title">{titleOf(node, { kind })}</h2>
          <p className="text-xs text-zinc-500">{NODE_META[node.type].description} · <span className="font-mono">{node.id}</span></p>
        </div>
        {!readOnly && <Button size="sm" variant="ghost" aria-label="Delete step" data-testid="delete-node" onClick={onDelete}><Trash2 /></Button>}
      </div>
      <fieldset disabled={readOnly} className="space-y-5">
        <Field label="Step name" htmlFor="field-label" hint="Shown on the canvas, in reports and traces.">
          <Input id="field-label" data-testid="field-label" maxLength={80} value={node.label ?? ""} placeholder={titleOf({ ...node, label: undefined }, { kind })} onChange={(e) => onChange({ label: e.target.value }, `${node.id}.label`)} />
        </Field>
        <Form key={node.id} node={node} data={node.data} graph={graph} lookups={lookups} errors={byField} onChange={(data, key) => onChange({ data }, key)} />
      </fieldset>
      {general.length > 0 && (
        <ul className="space-y-1.5 rounded-lg bg-red-50 px-3 py-2.5 text-sm text-red-800 ring-1 ring-red-600/15" data-testid="node-panel-errors">
          {general.map((m) => <li key={m} className="flex gap-2"><CircleAlert className="mt-0.5 size-4 shrink-0" /> {m}</li>)}
        </ul>
      )}
    </div>
  );
}
