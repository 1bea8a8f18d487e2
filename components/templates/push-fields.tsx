"use client";
import { TagField } from "./tag-field";
import type { TFieldsProps } from "./template-fields";

export function PushFields({ content, onChange, errors }: TFieldsProps) {
  const field = (key: string) => (typeof content[key] === "string" ? (content[key] as string) : "");
  const set = (key: string) => (value: string) => onChange({ ...content, [key]: value });
  return (
    <div className="space-y-4">
      <TagField label="Title" value={field("title")} onChange={set("title")} error={errors["content.title"]} hint="Keep it under ~50 characters: lock screens cut long titles." />
      <TagField label="Body" multiline rows={3} value={field("body")} onChange={set("body")} error={errors["content.body"]} />
      <TagField label="Image URL" value={field("imageUrl")} onChange={set("imageUrl")} error={errors["content.imageUrl"]} placeholder="https://…" hint="Optional; shown expanded on Android and in rich notifications." />
      <TagField label="Click URL" value={field("url")} onChange={set("url")} error={errors["content.url"]} placeholder="https://…" hint="Where a tap leads; opens are tracked." />
    </div>
  );
}
