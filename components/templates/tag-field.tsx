"use client";
import { useId, useRef, type ReactNode } from "react";
import { Field, Input, Textarea } from "@/components/ui";
import { MergeTagMenu } from "./merge-tag-menu";

interface TagFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
}

/** A text input that accepts Liquid, with a merge-tag menu that inserts at the caret. */
export function TagField({ label, value, onChange, error, hint, multiline, rows = 4, placeholder }: TagFieldProps) {
  const id = useId();
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const insert = (tag: string) => {
    const el = ref.current;
    const start = el?.selectionStart ?? value.length;
    const end = el?.selectionEnd ?? value.length;
    onChange(value.slice(0, start) + tag + value.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(start + tag.length, start + tag.length);
    });
  };
  const common = { id, ref, value, placeholder, invalid: Boolean(error), onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  return (
    <Field
      label={<span className="flex items-center justify-between">{label}<MergeTagMenu onPick={insert} label="Insert tag" /></span>}
      htmlFor={id}
      error={error}
      hint={hint}
    >
      {multiline ? <Textarea rows={rows} {...common} /> : <Input {...common} />}
    </Field>
  );
}
