"use client";
import { useQuery } from "@tanstack/react-query";
import { Field, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { useState } from "react";
import { BlockEditor } from "./block-editor";
import { HtmlBodyField } from "./html-body-field";
import { TagField } from "./tag-field";
import type { TFieldsProps } from "./template-fields";

const BLANK_DOCUMENT = { type: "doc", content: [{ type: "paragraph" }] };
const isDocument = (v: unknown) => typeof v === "object" && v !== null && (v as { type?: unknown }).type === "doc";

export function EmailFields({ content, onChange, errors, initial }: TFieldsProps) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  // The editor shows the workspace's brand kit (what every email is sent with), once known.
  const kit = useQuery(trpc.emailDesign.brand.queryOptions({ workspaceId: ws.id }, { staleTime: 60_000 }));
  // A body saved as raw HTML (no document) stays HTML until the marketer starts a design.
  const [htmlOnly, setHtmlOnly] = useState(() => typeof initial.html === "string" && !isDocument(initial.document));
  const field = (key: string) => (typeof content[key] === "string" ? (content[key] as string) : "");
  return (
    <div className="space-y-4">
      <TagField label="Subject" value={field("subject")} onChange={(v) => onChange({ ...content, subject: v })} error={errors["content.subject"]} />
      <TagField label="Preheader" value={field("preheader")} onChange={(v) => onChange({ ...content, preheader: v })} error={errors["content.preheader"]} hint="The line inbox lists show after the subject; hidden in the email itself." />
      <Field label="Body" error={errors["content.document"] ?? errors["content.html"]}>
        {htmlOnly ? (
          <HtmlBodyField html={field("html")} invalid={Boolean(errors["content.html"])} onChange={(html) => onChange({ ...content, html })} onDesign={() => { setHtmlOnly(false); onChange({ ...content, html: undefined, document: BLANK_DOCUMENT }); }} />
        ) : kit.isPending ? (
          <div className="grid h-72 place-items-center rounded-lg border border-zinc-200"><Spinner /></div>
        ) : (
          <BlockEditor initial={content.document ?? BLANK_DOCUMENT} brand={kit.data?.version === "default" ? null : kit.data?.brand} canSaveBlocks={ws.can("templates.manage")} invalid={Boolean(errors["content.document"])} onChange={(document) => onChange({ ...content, document })} />
        )}
      </Field>
    </div>
  );
}
