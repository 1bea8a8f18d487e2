"use client";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";

export interface TPanelTab {
  id: string;
  label: string;
  /** A count next to the label (issues, profiles in test). */
  count?: number;
  tone?: "red" | "gray";
  content: ReactNode;
}

/** The right-hand panel: the selected step, the checks, and room for Test / Live tabs. */
export function SidePanel({ tabs, active, onActive, wide }: { tabs: TPanelTab[]; active: string; onActive: (id: string) => void; wide?: boolean }) {
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  return (
    <aside className={cn("flex min-h-0 shrink-0 flex-col border-l border-zinc-200 bg-white transition-[width]", wide ? "w-[30rem]" : "w-96")} data-testid="side-panel">
      <div role="tablist" className="flex shrink-0 gap-1 border-b border-zinc-200 px-3">
        {tabs.map((t) => (
          <button key={t.id} role="tab" type="button" aria-selected={t.id === current?.id} data-testid={`panel-tab-${t.id}`} onClick={() => onActive(t.id)}
            className={cn("-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2.5 text-sm font-medium", t.id === current?.id ? "border-brand-600 text-zinc-900" : "border-transparent text-zinc-500 hover:text-zinc-800")}>
            {t.label}
            {t.count !== undefined && t.count > 0 && <span className={cn("rounded-full px-1.5 text-[11px] leading-4 font-semibold", t.tone === "red" ? "bg-red-100 text-red-700" : "bg-zinc-100 text-zinc-600")}>{t.count}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="min-h-0 flex-1 overflow-y-auto p-4">{current?.content}</div>
    </aside>
  );
}
