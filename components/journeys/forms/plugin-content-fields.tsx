"use client";
import { useState } from "react";
import { Field, Textarea } from "@/components/ui";

interface Props {
  kind: string;
  content: Record<string, unknown>;
  onChange: (content: Record<string, unknown>) => void;
}

function JsonField({ label, value, onChange, hint }: { label: string; value: unknown; onChange: (v: Record<string, unknown>) => void; hint: string }) {
  const [raw, setRaw] = useState(() => JSON.stringify(value ?? {}, null, 2));
  const [error, setError] = useState<string | null>(null);
  const edit = (text: string) => {
    setRaw(text);
    try {
      const parsed: unknown = JSON.parse(text || "{}");
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("Write a JSON object");
      setError(null);
      onChange(parsed as Record<string, unknown>);
    } catch (e) {
      setError(e instanceof SyntaxError ? "Not valid JSON yet" : (e as Error).message);
    }
  };
  return (
    <Field label={label} htmlFor="field-content-json" error={error} hint={hint}>
      <Textarea id="field-content-json" data-testid="field-content-json" rows={8} className="font-mono text-xs" invalid={Boolean(error)} value={raw} onChange={(e) => edit(e.target.value)} />
    </Field>
  );
}

/** Content of a channel kind a plugin brings: a text for text kinds, otherwise JSON. */
export function PluginContentFields({ kind, content, onChange }: Props) {
  if (kind === "webhook") return <JsonField label="Payload" value={content.payload} onChange={(payload) => onChange({ ...content, payload })} hint="Posted as JSON with the recipient; Liquid tags in strings are personalised." />;
  if (kind === "slack" || typeof content.text === "string")
    return (
      <Field label="Text" htmlFor="field-content-text" hint="Liquid tags such as {{ profile.firstName }} are personalised.">
        <Textarea id="field-content-text" data-testid="field-content-text" rows={5} value={typeof content.text === "string" ? content.text : ""} onChange={(e) => onChange({ ...content, text: e.target.value })} />
      </Field>
    );
  return <JsonField label="Content" value={content} onChange={onChange} hint={`The message as the ${kind} channel expects it.`} />;
}
