"use client";
import { Handle, Position, useUpdateNodeInternals, type NodeProps } from "@xyflow/react";
import { CircleAlert } from "lucide-react";
import { memo, useEffect } from "react";
import { cn } from "@/lib/cn";
import { isEntry } from "@/server/journeys/graph/nodes";
import type { TFlowNode } from "./flow-types";
import { iconOf, toneOf } from "./node-catalog";

const handleClass = "!size-3 !border-2 !border-white !bg-zinc-400 hover:!bg-brand-600";

/** One journey step on the canvas: icon, title, summary, labelled outputs, errors and a count badge. */
function JourneyNodeView({ id, data, selected }: NodeProps<TFlowNode>) {
  const updateNodeInternals = useUpdateNodeInternals();
  const outputsKey = data.outputs.map((o) => o.id).join("|");
  // Branches come and go: React Flow must re-measure the handles.
  useEffect(() => updateNodeInternals(id), [id, outputsKey, data.width, updateNodeInternals]);
  const Icon = iconOf(data.type, { kind: data.kind });
  const tone = toneOf(data.type);
  const invalid = data.errors.length > 0;
  const labelled = data.outputs.length > 1;
  return (
    <div
      data-testid={`node-${data.type}`}
      data-node-id={id}
      data-invalid={invalid || undefined}
      data-emphasis={data.emphasis}
      style={{ width: data.width }}
      className={cn(
        "group/node relative rounded-xl border border-t-[3px] bg-white text-left shadow-sm transition-[box-shadow,opacity]",
        tone.accent,
        invalid ? "border-x-red-400 border-b-red-400 ring-1 ring-red-400" : "border-x-zinc-200 border-b-zinc-200",
        selected && "ring-2 ring-brand-500 ring-offset-1",
        data.emphasis === "highlighted" && "ring-2 ring-emerald-500 ring-offset-1",
        data.emphasis === "dimmed" && "opacity-45",
      )}
    >
      {!isEntry(data.type) && <Handle type="target" position={Position.Top} id="in" className={handleClass} data-testid={`handle-${id}-in`} />}
      {data.badge != null && <div className="absolute inset-x-0 bottom-full z-10 mb-1 flex justify-end" data-testid={`node-badge-${id}`}>{data.badge}</div>}
      <div className="flex items-start gap-2.5 px-3 pt-2.5 pb-2">
        <span className={cn("mt-0.5 grid size-7 shrink-0 place-items-center rounded-lg ring-1 ring-inset", tone.icon)}>
          <Icon className="size-4" aria-hidden />
        </span>
        <div className="min-w-0 flex-1">
          <div className="truncate text-[13px] leading-5 font-semibold text-zinc-900" data-testid="node-title">{data.title}</div>
          <div className="truncate text-xs leading-4 text-zinc-500" data-testid="node-summary" title={data.summary}>{data.summary}</div>
        </div>
        {invalid && (
          <span className="group/err relative mt-0.5 shrink-0" data-testid="node-error">
            <CircleAlert className="size-4 text-red-500" aria-label={`${data.errors.length} problem${data.errors.length > 1 ? "s" : ""}`} />
            <span role="tooltip" className="pointer-events-none absolute top-6 right-0 z-20 hidden w-64 rounded-lg bg-zinc-900 px-3 py-2 text-xs leading-5 font-normal text-white shadow-lg group-hover/err:block">
              {data.errors.map((e) => <span key={e} className="block">{e}</span>)}
            </span>
          </span>
        )}
      </div>
      {labelled && (
        <div className="flex border-t border-zinc-100 text-[11px] leading-6 font-medium text-zinc-600">
          {data.outputs.map((o) => (
            <span key={o.id} className="min-w-0 flex-1 truncate px-1 text-center" data-testid={`output-label-${id}-${o.id}`}>{o.label}</span>
          ))}
        </div>
      )}
      {data.outputs.map((o, i) => (
        <Handle
          key={o.id}
          type="source"
          position={Position.Bottom}
          id={o.id}
          isConnectable={!data.readOnly}
          className={handleClass}
          style={{ left: `${((i + 0.5) / data.outputs.length) * 100}%` }}
          title={labelled ? o.label : "Next step"}
          data-testid={`handle-${id}-${o.id}`}
        />
      ))}
    </div>
  );
}

export const JourneyNode = memo(JourneyNodeView);
