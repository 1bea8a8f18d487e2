"use client";
import { useEffect, useState, type ReactNode } from "react";

const inputClass = "h-8 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2 text-xs text-zinc-900 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/20";

/** A labelled setting; the value is applied when the input loses focus or Enter is pressed. */
export function TextSetting({ label, value, onCommit, placeholder, wide }: { label: string; value: string; onCommit: (v: string) => void; placeholder?: string; wide?: boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  return (
    <label className={wide ? "col-span-2 block" : "block"}>
      <span className="mb-1 block text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</span>
      <input className={inputClass} value={draft} placeholder={placeholder} onChange={(e) => setDraft(e.target.value)} onBlur={() => draft !== value && onCommit(draft)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), onCommit(draft))} />
    </label>
  );
}

export function ColorSetting({ label, value, onCommit }: { label: string; value: string; onCommit: (v: string) => void }) {
  const hex = /^#[0-9a-f]{6}$/i.test(value) ? value : "#ffffff";
  return (
    <label className="block">
      <span className="mb-1 block text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</span>
      <span className="flex items-center gap-2">
        <input type="color" aria-label={label} className="h-8 w-10 cursor-pointer rounded border border-zinc-300 bg-white p-0.5" value={hex} onChange={(e) => onCommit(e.target.value)} />
        <span className="font-mono text-xs text-zinc-500">{value || "none"}</span>
        {value ? <button type="button" className="text-xs text-zinc-400 hover:text-zinc-700" onClick={() => onCommit("")}>clear</button> : null}
      </span>
    </label>
  );
}

export function SelectSetting({ label, value, options, onCommit }: { label: string; value: string; options: [string, string][]; onCommit: (v: string) => void }) {
  return (
    <label className="block">
      <span className="mb-1 block text-[11px] font-medium uppercase tracking-wide text-zinc-500">{label}</span>
      <select className={inputClass} value={value} onChange={(e) => onCommit(e.target.value)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </label>
  );
}

export const SettingsGrid = ({ children }: { children: ReactNode }) => <div className="grid grid-cols-2 gap-3">{children}</div>;

export const ALIGNMENTS: [string, string][] = [["left", "Left"], ["center", "Centre"], ["right", "Right"]];
