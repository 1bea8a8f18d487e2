"use client";
import type { EmailEditorRef } from "@react-email/editor";
import { useEffect, useReducer } from "react";

export type TEditor = NonNullable<EmailEditorRef["editor"]>;
type TPmNode = TEditor["state"]["doc"];

/**
 * Re-renders the caller when the document or the selection changes. Not on other
 * transactions: the bubble menus re-sync their options with a meta-only transaction when they
 * re-render, which would re-render the caller again, forever, starving page navigations.
 */
export function useEditorTick(editor: TEditor | null) {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    if (!editor) return;
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean; selectionSet: boolean } }) => {
      if (transaction.docChanged || transaction.selectionSet) tick();
    };
    editor.on("transaction", onTransaction);
    return () => void editor.off("transaction", onTransaction);
  }, [editor]);
}

export interface TSelectedBlock {
  node: TPmNode;
  pos: number;
}

const CONTAINERS = new Set(["button", "section", "columnsColumn"]);

/** The block the settings panel edits: a selected atom (image, spacer...), else the nearest button, column or section around the cursor. */
export function selectedBlock(editor: TEditor): TSelectedBlock | null {
  const { selection } = editor.state;
  const picked = (selection as { node?: TPmNode }).node;
  if (picked) return { node: picked, pos: selection.from };
  const { $from } = selection;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (CONTAINERS.has(node.type.name)) return { node, pos: $from.before(d) };
  }
  return null;
}

/** Sets attributes of the node at `pos`, keeping the others. */
export function setAttrs(editor: TEditor, pos: number, attrs: Record<string, unknown>) {
  const node = editor.state.doc.nodeAt(pos);
  if (!node) return;
  editor.view.dispatch(editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attrs }));
}

/** Index and position of the top-level block holding the selection. */
export function topLevelBlock(editor: TEditor): { index: number; pos: number } | null {
  const { $from } = editor.state.selection;
  if ($from.depth === 0) {
    const index = $from.index(0);
    return index < editor.state.doc.childCount ? { index, pos: $from.pos } : null;
  }
  return { index: $from.index(0), pos: $from.before(1) };
}

/** Moves the top-level block holding the selection one place up (-1) or down (+1). */
export function moveBlock(editor: TEditor, direction: -1 | 1) {
  const at = topLevelBlock(editor);
  const doc = editor.state.doc;
  if (!at) return;
  const target = at.index + direction;
  if (target < 0 || target >= doc.childCount) return;
  const node = doc.child(at.index);
  const tr = editor.state.tr.delete(at.pos, at.pos + node.nodeSize);
  let insertAt = 0;
  for (let i = 0; i < target; i++) insertAt += tr.doc.child(i).nodeSize;
  tr.insert(insertAt, node);
  editor.view.dispatch(tr.scrollIntoView());
}

/** The top-level blocks the selection touches, as JSON (what "Save as block" keeps). */
export function selectedTopLevelBlocks(editor: TEditor): Record<string, unknown>[] {
  const { doc, selection } = editor.state;
  const first = selection.$from.index(0);
  const last = Math.min(selection.$to.depth === 0 ? selection.$to.index(0) - 1 : selection.$to.index(0), doc.childCount - 1);
  const out: Record<string, unknown>[] = [];
  for (let i = first; i <= Math.max(first, last) && i < doc.childCount; i++) out.push(doc.child(i).toJSON() as Record<string, unknown>);
  return out;
}
