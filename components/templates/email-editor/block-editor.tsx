"use client";
import "@react-email/editor/themes/default.css";
import { EmailEditor } from "@react-email/editor";
import { EmailNode } from "@react-email/editor/core";
import { StarterKit } from "@react-email/editor/extensions";
import { EmailTheming } from "@react-email/editor/plugins";
import { Placeholder } from "@tiptap/extensions";
import { useMemo, useRef, useState } from "react";
import { buildEmailExtensions } from "@/server/messaging/email-extensions";
import type { TBrand } from "@/server/messaging/email-brand";
import { MergeTagMenu } from "../merge-tag-menu";
import { BlockSettings } from "./block-settings";
import { chipifyDocument, splitMergeTags } from "./chipify";
import { DragHandle } from "./drag-handle";
import { useEditorTick, type TEditor } from "./editor-state";
import { FormatToolbar } from "./format-toolbar";
import { InsertToolbar } from "./insert-toolbar";
import { SaveBlockDialog, SavedBlocksMenu } from "./saved-blocks";
import { ToolDivider } from "./tool-button";

export interface TBlockEditorProps {
  initial: unknown;
  onChange: (document: unknown) => void;
  invalid?: boolean;
  brand?: TBrand | null;
  canSaveBlocks?: boolean;
}

// Merge-tag chips, the custom blocks (spacer, social links, HTML as code) and the selected node.
const CANVAS = [
  "[&_.ProseMirror]:min-h-64 [&_.ProseMirror]:outline-none [&_.node-container]:!w-auto [&_.node-container]:max-w-full [&_img]:max-w-full",
  "[&_.merge-tag-chip]:mx-0.5 [&_.merge-tag-chip]:inline-block [&_.merge-tag-chip]:rounded-full [&_.merge-tag-chip]:bg-brand-50 [&_.merge-tag-chip]:px-1.5 [&_.merge-tag-chip]:align-baseline [&_.merge-tag-chip]:text-[0.7em] [&_.merge-tag-chip]:leading-normal [&_.merge-tag-chip]:font-semibold [&_.merge-tag-chip]:text-brand-700 [&_.merge-tag-chip]:ring-1 [&_.merge-tag-chip]:ring-brand-200",
  "[&_.email-spacer]:rounded [&_.email-spacer]:bg-[repeating-linear-gradient(45deg,#f4f4f5,#f4f4f5_6px,#fff_6px,#fff_12px)]",
  "[&_.email-social]:py-2 [&_.email-social-link]:mx-1 [&_.email-social-link]:inline-block [&_.email-social-link]:rounded-full [&_.email-social-link]:border [&_.email-social-link]:border-zinc-800 [&_.email-social-link]:px-3 [&_.email-social-link]:py-1 [&_.email-social-link]:text-xs [&_.email-social-link]:font-semibold",
  "[&_.email-html-block]:rounded-md [&_.email-html-block]:border [&_.email-html-block]:border-dashed [&_.email-html-block]:border-zinc-300 [&_.email-html-block]:bg-zinc-50 [&_.email-html-block_pre]:max-h-40 [&_.email-html-block_pre]:overflow-auto [&_.email-html-block_pre]:whitespace-pre-wrap [&_.email-html-block_pre]:p-2 [&_.email-html-block_pre]:text-xs",
  "[&_.ProseMirror-selectednode]:outline [&_.ProseMirror-selectednode]:outline-2 [&_.ProseMirror-selectednode]:outline-brand-400",
].join(" ");

// The library's cursor-in-a-link toolbar floats with nothing selected: links are edited from a
// text selection instead. Global because the bubble menu is placed outside the editor's box.
const HIDE_LINK_BUBBLE = "[data-re-bubble-menu]:has([data-re-link-bm-toolbar]),[data-re-link-bm-toolbar]{display:none!important}";

/**
 * The email designer: add blocks (text, images, buttons, sections, 1-3 columns, dividers,
 * spacers, social links, HTML, saved blocks), style text, edit the selected block, drag blocks
 * to reorder. The schema is the one the server compiles; the brand kit is its theme.
 */
export function BlockEditor({ initial, onChange, invalid, brand, canSaveBlocks = true }: TBlockEditorProps) {
  const frame = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<TEditor | null>(null);
  const [saving, setSaving] = useState(false);
  useEditorTick(editor);
  const extensions = useMemo(() => [...buildEmailExtensions({ StarterKit, EmailTheming, EmailNode }, brand), Placeholder.configure({ placeholder: "Write, or press '/' for blocks", includeChildren: true })], [brand]);
  // The editor takes its content once; later `initial` props (the parent's copy) are ignored.
  const [content] = useState(() => chipifyDocument(initial));
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  // Rendered once: toolbar re-renders must not re-render the editor (and its bubble menus).
  const canvas = useMemo(() => <EmailEditor content={content as never} extensions={extensions as never} onReady={(r) => setEditor(r.editor)} onUpdate={(r) => onChangeRef.current(r.getJSON())} />, [content, extensions]);
  const insertTag = (liquid: string) => {
    const [piece] = splitMergeTags({ type: "text", text: liquid });
    editor?.chain().focus().insertContent((piece?.type === "mergeTag" ? piece : liquid) as never).run();
  };
  return (
    <div className={`overflow-hidden rounded-lg border bg-white shadow-sm ${invalid ? "border-red-500" : "border-zinc-200"}`}>
      <style>{HIDE_LINK_BUBBLE}</style>
      {editor ? (
        <div className="sticky top-0 z-10">
          <div className="flex flex-wrap items-center gap-1 border-b border-zinc-200 bg-zinc-50 px-2 py-1">
            <InsertToolbar editor={editor} />
            <ToolDivider />
            <SavedBlocksMenu editor={editor} />
            <MergeTagMenu onPick={insertTag} label="Merge tag" />
          </div>
          <div className="border-b border-zinc-200 bg-zinc-50/60 px-2 py-1"><FormatToolbar editor={editor} /></div>
          <BlockSettings editor={editor} onSaveBlock={canSaveBlocks ? () => setSaving(true) : undefined} />
        </div>
      ) : null}
      <div ref={frame} data-testid="block-editor" className={`relative max-h-[640px] min-h-72 overflow-y-auto py-4 pr-6 pl-8 break-words ${CANVAS}`} style={brand ? { backgroundColor: brand.backgroundColor } : undefined}>
        {brand?.logoUrl ? <img src={brand.logoUrl} alt="Brand logo" width={brand.logoWidth} className="mx-auto mb-2 block" /> : null}
        <DragHandle editor={editor} frame={frame} />
        {canvas}
      </div>
      {editor ? <SaveBlockDialog editor={editor} open={saving} onClose={() => setSaving(false)} /> : null}
    </div>
  );
}
