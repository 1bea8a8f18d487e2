"use client";
import { GripVertical } from "lucide-react";
import { NodeSelection } from "@tiptap/pm/state";
import { useEffect, useState, type RefObject } from "react";
import type { TEditor } from "./editor-state";

/**
 * A grip beside the top-level block under the pointer: dragging it moves the whole block
 * (ProseMirror's own drop handling, like Tiptap's drag handle) to where it is dropped.
 */
export function DragHandle({ editor, frame }: { editor: TEditor | null; frame: RefObject<HTMLDivElement | null> }) {
  const [target, setTarget] = useState<{ el: HTMLElement; top: number } | null>(null);
  useEffect(() => {
    const root = frame.current;
    if (!editor || !root) return;
    const onMove = (event: MouseEvent) => {
      const pm = editor.view.dom as HTMLElement;
      let el = event.target as HTMLElement | null;
      while (el && el.parentElement !== pm) el = el.parentElement;
      if (!el || !pm.contains(el)) return;
      setTarget({ el, top: el.getBoundingClientRect().top - root.getBoundingClientRect().top + root.scrollTop });
    };
    root.addEventListener("mousemove", onMove);
    return () => root.removeEventListener("mousemove", onMove);
  }, [editor, frame]);
  if (!editor || !target) return null;
  const onDragStart = (event: React.DragEvent) => {
    const view = editor.view;
    const inside = view.posAtDOM(target.el, 0);
    const $pos = view.state.doc.resolve(inside);
    const pos = $pos.depth > 0 ? $pos.before(1) : inside;
    if (!view.state.doc.nodeAt(pos)) return;
    const selection = NodeSelection.create(view.state.doc as never, pos);
    view.dispatch(view.state.tr.setSelection(selection as never));
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/html", target.el.outerHTML);
    event.dataTransfer.setDragImage(target.el, 0, 0);
    (view as unknown as { dragging: unknown }).dragging = { slice: view.state.selection.content(), move: true };
  };
  return (
    <button
      type="button"
      draggable
      onDragStart={onDragStart}
      aria-label="Drag to move this block"
      title="Drag to move this block"
      className="absolute left-0.5 z-10 grid h-6 w-5 cursor-grab place-items-center rounded text-zinc-300 hover:bg-zinc-100 hover:text-zinc-600"
      style={{ top: target.top }}
    >
      <GripVertical className="size-4" />
    </button>
  );
}
