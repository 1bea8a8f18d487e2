"use client";
import type { LucideIcon } from "lucide-react";
import type { DragEvent } from "react";
import { cn } from "@/lib/cn";
import { DRAG_MIME, type TPaletteItem } from "./flow-types";
import { GROUPS, kindIcon, NODE_META, toneOf } from "./node-catalog";

interface Props {
  /** Channel kinds a message can be sent on (core and plugin kinds). */
  kinds: { id: string; name: string }[];
  onAdd: (item: TPaletteItem) => void;
}

function Item({ item, title, description, icon: Icon, testId, onAdd }: { item: TPaletteItem; title: string; description: string; icon: LucideIcon; testId: string; onAdd: (item: TPaletteItem) => void }) {
  const onDragStart = (e: DragEvent) => {
    e.dataTransfer.setData(DRAG_MIME, JSON.stringify(item));
    e.dataTransfer.effectAllowed = "copy";
  };
  return (
    <button
      type="button"
      draggable
      onDragStart={onDragStart}
      onClick={() => onAdd(item)}
      data-testid={testId}
      title={`${description}. Drag onto the canvas, or click to add below the selected step.`}
      className="flex w-full cursor-grab items-center gap-2.5 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100 active:cursor-grabbing"
    >
      <span className={cn("grid size-7 shrink-0 place-items-center rounded-lg ring-1 ring-inset", toneOf(item.type).icon)}>
        <Icon className="size-4" aria-hidden />
      </span>
      <span className="min-w-0">
        <span className="block truncate text-[13px] font-medium text-zinc-800">{title}</span>
        <span className="block truncate text-[11px] text-zinc-500">{description}</span>
      </span>
    </button>
  );
}

const Heading = ({ children }: { children: string }) => <h3 className="px-2 pt-3 pb-1 text-[11px] font-semibold tracking-wide text-zinc-400 uppercase">{children}</h3>;

/** The node types, grouped: drag one onto the canvas, or click it to add it below the selected step. */
export function Palette({ kinds, onAdd }: Props) {
  return (
    <nav aria-label="Steps" className="space-y-0.5 p-2 pb-10" data-testid="palette">
      {GROUPS.map((group) => (
        <div key={group.id}>
          <Heading>{group.title}</Heading>
          {group.id === "action" &&
            kinds.map((k) => (
              <Item key={k.id} item={{ type: "message", kind: k.id }} title={k.name} description="Send a message" icon={kindIcon(k.id)} testId={`palette-message-${k.id}`} onAdd={onAdd} />
            ))}
          {group.types
            .filter((t) => t !== "message")
            .map((type) => (
              <Item key={type} item={{ type }} title={NODE_META[type].title} description={NODE_META[type].description} icon={NODE_META[type].icon} testId={`palette-${type}`} onAdd={onAdd} />
            ))}
        </div>
      ))}
    </nav>
  );
}
