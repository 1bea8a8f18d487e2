"use client";
import { Plus, X } from "lucide-react";
import { SOCIAL_NETWORKS, socialLinks, type TSocialLink } from "@/server/messaging/email-nodes/social-links-node";
import { SPACER_HEIGHTS } from "@/server/messaging/email-nodes/spacer-node";
import { ALIGNMENTS, ColorSetting, SelectSetting, SettingsGrid, TextSetting } from "./setting-inputs";
import { parseStyle, withStyle } from "./style-attr";

type TAttrs = Record<string, unknown>;
interface TFieldsProps { type: string; attrs: TAttrs; set: (attrs: TAttrs) => void }

const str = (v: unknown) => (typeof v === "string" ? v : v == null ? "" : String(v));

/** The settings of one block type: what a marketer can change besides its text. */
export function BlockFields({ type, attrs, set }: TFieldsProps) {
  const style = parseStyle(attrs.style);
  const setStyle = (prop: string) => (v: string) => set({ style: withStyle(attrs.style, prop, v) });
  switch (type) {
    case "image":
      return (
        <SettingsGrid>
          <TextSetting wide label="Image URL" value={str(attrs.src)} onCommit={(src) => set({ src })} />
          <TextSetting wide label="Alt text (read aloud, shown when images are off)" value={str(attrs.alt)} onCommit={(alt) => set({ alt })} />
          <TextSetting wide label="Link" placeholder="https://… (optional)" value={str(attrs.href)} onCommit={(href) => set({ href: href || null })} />
          <TextSetting label="Width (px or auto)" value={str(attrs.width)} onCommit={(width) => set({ width: /^\d+$/.test(width) ? width : "auto" })} />
          <SelectSetting label="Alignment" value={str(attrs.alignment) || "center"} options={ALIGNMENTS} onCommit={(alignment) => set({ alignment })} />
        </SettingsGrid>
      );
    case "button":
      return (
        <SettingsGrid>
          <TextSetting wide label="Link" value={str(attrs.href)} onCommit={(href) => set({ href })} />
          <ColorSetting label="Background" value={style["background-color"] ?? ""} onCommit={setStyle("background-color")} />
          <ColorSetting label="Text colour" value={style.color ?? ""} onCommit={setStyle("color")} />
          <SelectSetting label="Corners" value={style["border-radius"] ?? ""} options={[["", "Theme"], ["0px", "Square"], ["6px", "Rounded"], ["999px", "Pill"]]} onCommit={setStyle("border-radius")} />
          <SelectSetting label="Alignment" value={str(attrs.alignment) || "left"} options={ALIGNMENTS} onCommit={(alignment) => set({ alignment })} />
        </SettingsGrid>
      );
    case "section":
    case "columnsColumn":
      return (
        <SettingsGrid>
          <ColorSetting label="Background" value={style["background-color"] ?? ""} onCommit={setStyle("background-color")} />
          <SelectSetting label="Padding" value={style.padding ?? ""} options={[["", "None"], ["8px", "Small"], ["16px", "Medium"], ["32px", "Large"]]} onCommit={setStyle("padding")} />
        </SettingsGrid>
      );
    case "spacer":
      return <SelectSetting label="Height" value={str(attrs.height)} options={SPACER_HEIGHTS.map((h) => [String(h), `${h} px`])} onCommit={(h) => set({ height: Number(h) })} />;
    case "htmlBlock":
      return (
        <label className="block">
          <span className="mb-1 block text-[11px] font-medium uppercase tracking-wide text-zinc-500">HTML (rendered only in the email; scripts and event handlers are removed)</span>
          <textarea className="h-32 w-full rounded-md border border-zinc-300 p-2 font-mono text-xs" defaultValue={str(attrs.html)} onBlur={(e) => set({ html: e.target.value })} />
        </label>
      );
    case "socialLinks":
      return <SocialFields links={socialLinks(attrs.links)} set={(links) => set({ links })} />;
    default:
      return null;
  }
}

function SocialFields({ links, set }: { links: TSocialLink[]; set: (links: TSocialLink[]) => void }) {
  const update = (i: number, patch: Partial<TSocialLink>) => set(links.map((l, n) => (n === i ? { ...l, ...patch } : l)));
  return (
    <div className="space-y-2">
      {links.map((l, i) => (
        <div key={i} className="grid grid-cols-[8rem_minmax(0,1fr)_auto] items-end gap-2">
          <SelectSetting label="Network" value={l.network} options={Object.entries(SOCIAL_NETWORKS)} onCommit={(network) => update(i, { network: network as TSocialLink["network"] })} />
          <TextSetting label="URL" value={l.url} onCommit={(url) => update(i, { url })} />
          <button type="button" aria-label={`Remove ${SOCIAL_NETWORKS[l.network]}`} className="mb-1 rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700" onClick={() => set(links.filter((_, n) => n !== i))}><X className="size-4" /></button>
        </div>
      ))}
      <button type="button" className="inline-flex items-center gap-1 text-xs font-medium text-brand-700" onClick={() => set([...links, { network: "x", url: "https://x.com/" }])}><Plus className="size-3.5" /> Add a network</button>
    </div>
  );
}
