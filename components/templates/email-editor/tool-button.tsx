"use client";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export const toolClass = "inline-flex h-8 items-center gap-1.5 whitespace-nowrap rounded-md px-2 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-40";

/** One toolbar button: an icon with a label (or a tooltip when the label is hidden). */
export function ToolButton({ label, icon, onClick, active, showLabel = false, disabled }: { label: string; icon: ReactNode; onClick: () => void; active?: boolean; showLabel?: boolean; disabled?: boolean }) {
  return (
    <button
      type="button"
      title={label}
      aria-label={showLabel ? undefined : label}
      aria-pressed={active}
      disabled={disabled}
      // Keeps the editor's selection: the command runs on what the marketer selected.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={cn(toolClass, active && "bg-brand-50 text-brand-700")}
    >
      {icon}
      {showLabel ? <span>{label}</span> : null}
    </button>
  );
}

export const ToolDivider = () => <span className="mx-1 h-5 w-px shrink-0 bg-zinc-200" />;
