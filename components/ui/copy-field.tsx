"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "@/lib/cn";

export interface CopyFieldProps {
  value: string;
  label?: string;
  className?: string;
}

export function CopyField({ value, label, className }: CopyFieldProps) {
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const id = useId();

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const selectText = () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  };

  const copy = async () => {
    if (typeof navigator === "undefined" || !navigator.clipboard?.writeText) return selectText();
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setCopied(false), 2000);
    } catch {
      selectText();
    }
  };

  return (
    <div className={cn("space-y-1.5", className)}>
      {label ? (
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
          {label}
        </label>
      ) : null}
      <div className="flex rounded-lg shadow-sm">
        <input
          ref={inputRef}
          id={id}
          readOnly
          value={value}
          aria-label={label ? undefined : "Value to copy"}
          data-testid="copy-field-value"
          onFocus={(event) => event.currentTarget.select()}
          className="block h-9 min-w-0 flex-1 rounded-l-lg border border-zinc-200 bg-zinc-50 px-3 font-mono text-xs text-zinc-800 focus-visible:z-10 focus-visible:border-brand-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40"
        />
        <button
          type="button"
          onClick={copy}
          className="-ml-px inline-flex h-9 shrink-0 items-center gap-1.5 rounded-r-lg border border-zinc-200 bg-white px-3 text-sm font-medium text-zinc-700 hover:bg-zinc-50 focus-visible:z-10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-brand-500/40"
        >
          {copied ? (
            <Check className="size-4 text-emerald-600" aria-hidden />
          ) : (
            <Copy className="size-4 text-zinc-400" aria-hidden />
          )}
          <span aria-live="polite">{copied ? "Copied" : "Copy"}</span>
        </button>
      </div>
    </div>
  );
}
