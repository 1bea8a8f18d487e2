"use client";
import { AlignCenter, AlignLeft, AlignRight, Bold, Italic, Link2, List, ListOrdered, Underline } from "lucide-react";
import type { TEditor } from "./editor-state";
import { ToolButton, ToolDivider } from "./tool-button";

const COLORS = ["#18181b", "#52525b", "#4f46e5", "#0891b2", "#16a34a", "#d97706", "#dc2626", "#db2777"];
// The starter kit's commands (marks, lists, alignment) are typed on the editor's own Tiptap copy.
interface TChain {
  toggleBold(): TChain; toggleItalic(): TChain; toggleUnderline(): TChain; toggleBulletList(): TChain; toggleOrderedList(): TChain;
  extendMarkRange(mark: string): TChain; setLink(attrs: { href: string }): TChain; unsetLink(): TChain;
  setAlignment(alignment: string): TChain; setMark(mark: string, attrs: Record<string, unknown>): TChain; run(): boolean;
}

/** Text styles for the selection: bold, italic, underline, link, lists, alignment, colour. */
export function FormatToolbar({ editor }: { editor: TEditor }) {
  const chain = () => editor.chain().focus() as unknown as TChain;
  const hasSelection = !editor.state.selection.empty;
  const addLink = () => {
    const current = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt("Link URL (https://… or a merge tag)", current ?? "https://")?.trim();
    if (href === undefined) return;
    if (href === "") chain().unsetLink().run();
    else chain().extendMarkRange("link").setLink({ href }).run();
  };
  const color = (value: string) => chain().setMark("preservedStyle", { style: `color:${value}` }).run();
  return (
    <div className="flex flex-wrap items-center gap-0.5" role="toolbar" aria-label="Text style">
      <ToolButton label="Bold" icon={<Bold className="size-4" />} active={editor.isActive("bold")} onClick={() => chain().toggleBold().run()} />
      <ToolButton label="Italic" icon={<Italic className="size-4" />} active={editor.isActive("italic")} onClick={() => chain().toggleItalic().run()} />
      <ToolButton label="Underline" icon={<Underline className="size-4" />} active={editor.isActive("underline")} onClick={() => chain().toggleUnderline().run()} />
      <ToolButton label={hasSelection || editor.isActive("link") ? "Link" : "Link (select text first)"} icon={<Link2 className="size-4" />} active={editor.isActive("link")} disabled={!hasSelection && !editor.isActive("link")} onClick={addLink} />
      <ToolDivider />
      <ToolButton label="Bulleted list" icon={<List className="size-4" />} active={editor.isActive("bulletList")} onClick={() => chain().toggleBulletList().run()} />
      <ToolButton label="Numbered list" icon={<ListOrdered className="size-4" />} active={editor.isActive("orderedList")} onClick={() => chain().toggleOrderedList().run()} />
      <ToolDivider />
      {(["left", "center", "right"] as const).map((a) => {
        const Icon = a === "left" ? AlignLeft : a === "center" ? AlignCenter : AlignRight;
        return <ToolButton key={a} label={`Align ${a}`} icon={<Icon className="size-4" />} onClick={() => chain().setAlignment(a).run()} />;
      })}
      <ToolDivider />
      <div className="flex items-center gap-1 px-1" role="group" aria-label="Text colour">
        {COLORS.map((c) => (
          <button key={c} type="button" title={`Text colour ${c}`} aria-label={`Text colour ${c}`} disabled={!hasSelection} onMouseDown={(e) => e.preventDefault()} onClick={() => color(c)} className="size-4 rounded-full ring-1 ring-black/10 hover:scale-110 disabled:opacity-30" style={{ backgroundColor: c }} />
        ))}
      </div>
    </div>
  );
}
