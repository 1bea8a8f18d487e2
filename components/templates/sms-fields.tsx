"use client";
import { SmsSegmentCounter } from "./sms-segment-counter";
import { TagField } from "./tag-field";
import type { TFieldsProps } from "./template-fields";

export function SmsFields({ content, onChange, errors }: TFieldsProps) {
  const text = typeof content.text === "string" ? content.text : "";
  return (
    <div className="space-y-2">
      <TagField label="Text" multiline rows={6} value={text} onChange={(v) => onChange({ ...content, text: v })} error={errors["content.text"]} />
      <SmsSegmentCounter text={text} />
      <p className="text-xs text-zinc-500">Counted as typed; merge tags change the length per recipient (the preview counts the personalized text).</p>
    </div>
  );
}
