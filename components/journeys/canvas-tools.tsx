"use client";
import { Panel } from "@xyflow/react";
import { LayoutGrid, Maximize, Redo2, Undo2 } from "lucide-react";
import type { ReactNode } from "react";

function Tool({ label, shortcut, testId, disabled, onClick, children }: { label: string; shortcut?: string; testId: string; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <button type="button" aria-label={label} title={shortcut ? `${label} (${shortcut})` : label} data-testid={testId} disabled={disabled} onClick={onClick}
      className="grid size-8 place-items-center rounded-md text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 disabled:opacity-35 disabled:hover:bg-transparent [&_svg]:size-4">
      {children}
    </button>
  );
}

interface Props {
  canUndo: boolean;
  canRedo: boolean;
  readOnly: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  onFit: () => void;
}

/** Undo, redo, tidy up (auto-layout) and fit, floating over the canvas. */
export function CanvasTools({ canUndo, canRedo, readOnly, onUndo, onRedo, onLayout, onFit }: Props) {
  const mod = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform) ? "⌘" : "Ctrl+";
  return (
    <Panel position="top-left" className="!m-3 flex items-center gap-0.5 rounded-lg border border-zinc-200 bg-white p-1 shadow-sm">
      {!readOnly && (
        <>
          <Tool label="Undo" shortcut={`${mod}Z`} testId="canvas-undo" disabled={!canUndo} onClick={onUndo}><Undo2 /></Tool>
          <Tool label="Redo" shortcut={`${mod}Shift+Z`} testId="canvas-redo" disabled={!canRedo} onClick={onRedo}><Redo2 /></Tool>
          <span className="mx-0.5 h-5 w-px bg-zinc-200" />
          <Tool label="Tidy up (auto-layout)" testId="canvas-layout" onClick={onLayout}><LayoutGrid /></Tool>
        </>
      )}
      <Tool label="Fit to screen" testId="canvas-fit" onClick={onFit}><Maximize /></Tool>
    </Panel>
  );
}
