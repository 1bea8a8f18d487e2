"use client";
import { Code2, Columns2, Columns3, Heading, ImagePlus, Minus, MousePointerClick, MoveVertical, RectangleHorizontal, Share2, Type } from "lucide-react";
import { button, columns, divider, heading, htmlBlock, image, paragraph, section, socialLinks, spacer, type TDocNode } from "@/server/messaging/email-document";
import type { TEditor } from "./editor-state";
import { ToolButton } from "./tool-button";

const cell = (): TDocNode[] => [paragraph([])];

/** The blocks a marketer adds with one click (the "/" menu has the same and more). */
const BLOCKS: { label: string; icon: React.ReactNode; make: () => TDocNode | null }[] = [
  { label: "Text", icon: <Type className="size-4" />, make: () => paragraph([]) },
  { label: "Heading", icon: <Heading className="size-4" />, make: () => heading(2, ["Heading"]) },
  { label: "Image", icon: <ImagePlus className="size-4" />, make: () => {
    const src = window.prompt("Image URL (https://…)")?.trim();
    return src ? image(src, "") : null;
  } },
  { label: "Button", icon: <MousePointerClick className="size-4" />, make: () => button("Click here", "https://") },
  { label: "Section", icon: <RectangleHorizontal className="size-4" />, make: () => section(cell(), "background-color:#f4f4f5;padding:16px") },
  { label: "2 columns", icon: <Columns2 className="size-4" />, make: () => columns(cell(), cell()) },
  { label: "3 columns", icon: <Columns3 className="size-4" />, make: () => columns(cell(), cell(), cell()) },
  { label: "Divider", icon: <Minus className="size-4" />, make: () => divider() },
  { label: "Spacer", icon: <MoveVertical className="size-4" />, make: () => spacer(24) },
  { label: "Social links", icon: <Share2 className="size-4" />, make: () => socialLinks([{ network: "instagram", url: "https://instagram.com/" }, { network: "facebook", url: "https://facebook.com/" }]) },
  { label: "HTML", icon: <Code2 className="size-4" />, make: () => htmlBlock("<p style=\"margin:0\">Custom HTML</p>") },
];

export function InsertToolbar({ editor }: { editor: TEditor }) {
  const add = (make: () => TDocNode | null) => {
    const node = make();
    if (node) editor.chain().focus().insertContent(node as never).run();
  };
  return (
    <div className="flex flex-wrap items-center gap-0.5" role="toolbar" aria-label="Add a block">
      {BLOCKS.map((b) => <ToolButton key={b.label} label={b.label} icon={b.icon} showLabel onClick={() => add(b.make)} />)}
    </div>
  );
}
