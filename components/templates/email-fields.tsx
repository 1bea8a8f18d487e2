"use client";
import { Field } from "@/components/ui";
import { BlockEditor } from "./block-editor";
import { TagField } from "./tag-field";
import type { TFieldsProps } from "./template-fields";

export function EmailFields({ content, onChange, errors, initial }: TFieldsProps) {
  const field = (key: string) => (typeof content[key] === "string" ? (content[key] as string) : "");
  return (
    <div className="space-y-4">
      <TagField label="Subject" value={field("subject")} onChange={(v) => onChange({ ...content, subject: v })} error={errors["content.subject"]} />
      <TagField label="Preheader" value={field("preheader")} onChange={(v) => onChange({ ...content, preheader: v })} error={errors["content.preheader"]} hint="The line inbox lists show after the subject; hidden in the email itself." />
      <Field label="Body" error={errors["content.document"] ?? errors["content.html"]}>
        <BlockEditor initial={initial.document} invalid={Boolean(errors["content.document"])} onChange={(document) => onChange({ ...content, document })} />
      </Field>
    </div>
  );
}
