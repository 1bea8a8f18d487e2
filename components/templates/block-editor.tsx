"use client";
import "@react-email/editor/themes/default.css";
import { EmailEditor, type EmailEditorRef } from "@react-email/editor";
import { Placeholder } from "@tiptap/extensions";
import { ImagePlus, MousePointerClick } from "lucide-react";
import { useMemo, useRef } from "react";
import { EmailNode } from "@react-email/editor/core";
import { StarterKit } from "@react-email/editor/extensions";
import { EmailTheming } from "@react-email/editor/plugins";
import { buildEmailExtensions } from "@/server/messaging/email-extensions";
import { MergeTagMenu } from "./merge-tag-menu";

interface BlockEditorProps {
  initial: unknown;
  onChange: (document: unknown) => void;
  invalid?: boolean;
}

const toolButton = "inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900";

/**
 * The react-email block editor with the same schema the server compiles ("/" opens the
 * block menu); images are inserted by URL because Parcours stores no files.
 */
export function BlockEditor({ initial, onChange, invalid }: BlockEditorProps) {
  const ref = useRef<EmailEditorRef>(null);
  const extensions = useMemo(() => [...buildEmailExtensions({ StarterKit, EmailTheming, EmailNode }), Placeholder.configure({ placeholder: "Write, or press '/' for blocks", includeChildren: true })], []);
  const editor = () => ref.current?.editor ?? null;
  const insert = (content: unknown) => editor()?.chain().focus().insertContent(content as never).run();
  const addImage = () => {
    const src = window.prompt("Image URL (https://…)")?.trim();
    if (src) insert({ type: "image", attrs: { src, alt: "" } });
  };
  const addButton = () => {
    const href = window.prompt("Button link (https://…)")?.trim();
    if (href) insert({ type: "button", attrs: { href }, content: [{ type: "text", text: "Click here" }] });
  };
  return (
    <div className={`overflow-hidden rounded-lg border bg-white shadow-sm ${invalid ? "border-red-500" : "border-zinc-200"}`}>
      <div className="flex items-center gap-1 border-b border-zinc-200 bg-zinc-50 px-2 py-1">
        <button type="button" className={toolButton} onClick={addImage}><ImagePlus className="size-3.5" /> Image</button>
        <button type="button" className={toolButton} onClick={addButton}><MousePointerClick className="size-3.5" /> Button</button>
        <span className="mx-1 h-4 w-px bg-zinc-200" />
        <MergeTagMenu onPick={(tag) => insert(tag)} label="Merge tag" />
        <span className="ml-auto hidden truncate text-xs text-zinc-400 2xl:inline">Type / for headings, lists, columns…</span>
      </div>
      <div data-testid="block-editor" className="max-h-[560px] min-h-72 overflow-y-auto px-6 py-4 break-words [&_.ProseMirror]:min-h-64 [&_.ProseMirror]:outline-none [&_.node-container]:!w-auto [&_.node-container]:max-w-full [&_img]:max-w-full">
        <EmailEditor ref={ref} content={initial as never} extensions={extensions as never} onUpdate={(r) => onChange(r.getJSON())} />
      </div>
    </div>
  );
}
