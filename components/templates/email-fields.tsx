"use client";
import { useQuery } from "@tanstack/react-query";
import { Field, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { BlockEditor } from "./block-editor";
import { TagField } from "./tag-field";
import type { TFieldsProps } from "./template-fields";

export function EmailFields({ content, onChange, errors, initial }: TFieldsProps) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  // The editor shows the workspace's brand kit (what every email is sent with), once known.
  const kit = useQuery(trpc.emailDesign.brand.queryOptions({ workspaceId: ws.id }, { staleTime: 60_000 }));
  const field = (key: string) => (typeof content[key] === "string" ? (content[key] as string) : "");
  return (
    <div className="space-y-4">
      <TagField label="Subject" value={field("subject")} onChange={(v) => onChange({ ...content, subject: v })} error={errors["content.subject"]} />
      <TagField label="Preheader" value={field("preheader")} onChange={(v) => onChange({ ...content, preheader: v })} error={errors["content.preheader"]} hint="The line inbox lists show after the subject; hidden in the email itself." />
      <Field label="Body" error={errors["content.document"] ?? errors["content.html"]}>
        {kit.isPending ? (
          <div className="grid h-72 place-items-center rounded-lg border border-zinc-200"><Spinner /></div>
        ) : (
          <BlockEditor initial={initial.document} brand={kit.data?.version === "default" ? null : kit.data?.brand} canSaveBlocks={ws.can("templates.manage")} invalid={Boolean(errors["content.document"])} onChange={(document) => onChange({ ...content, document })} />
        )}
      </Field>
    </div>
  );
}
