"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Save, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge, Button, Card, CardBody, Field, FormAlert, Input, PageHeader } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { KIND_LABELS } from "./kind-labels";
import { PreviewPanel } from "./preview-panel";
import { TemplateFields } from "./template-fields";

export interface TTemplateDraft {
  id?: string;
  kind: TTemplateKind;
  name: string;
  content: Record<string, unknown>;
  version?: number;
}

/** One template: its fields on the left, the live preview and test send on the right. */
export function TemplateEditor({ template }: { template: TTemplateDraft }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState(template.name);
  const [content, setContent] = useState(template.content);
  const [version, setVersion] = useState(template.version);
  const canManage = ws.can("templates.manage");
  const onError = (error: unknown) => toast.error(messageOf(error));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.templates.list.queryKey() });
  const create = useMutation(trpc.templates.create.mutationOptions({ onError, onSuccess: (row) => { invalidate(); toast.success("Template created"); router.replace(`/${ws.slug}/templates/${row.id}`); } }));
  const update = useMutation(trpc.templates.update.mutationOptions({ onError, onSuccess: (row) => { invalidate(); setVersion(row.version); toast.success(`Saved as version ${row.version}`); } }));
  const remove = useMutation(trpc.templates.delete.mutationOptions({ onError, onSuccess: () => { invalidate(); toast.success("Template deleted"); router.push(`/${ws.slug}/templates`); } }));
  const saving = create.isPending || update.isPending;
  const errors = fieldErrorsOf(create.error ?? update.error);
  const save = () => {
    create.reset();
    update.reset();
    if (template.id) update.mutate({ workspaceId: ws.id, templateId: template.id, template: { name, content } });
    else create.mutate({ workspaceId: ws.id, template: { kind: template.kind, name, content } });
  };
  const otherError = create.error ?? update.error;
  const unplaced = otherError && !Object.keys(errors).some((k) => k === "name" || k.startsWith("content.")) ? messageOf(otherError) : null;
  return (
    // Wider than the app's content column on large screens: the editor and a 640 px email sit side by side.
    <div className="xl:relative xl:left-1/2 xl:w-[min(88rem,calc(100vw-15rem-4rem))] xl:-translate-x-1/2">
      <Link href={`/${ws.slug}/templates`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800"><ArrowLeft className="size-4" /> Templates</Link>
      <PageHeader
        title={template.id ? name || "Untitled template" : `New ${KIND_LABELS[template.kind].toLowerCase()} template`}
        description={<span className="inline-flex items-center gap-2"><Badge tone="brand">{KIND_LABELS[template.kind]}</Badge>{version ? <span>Version {version}</span> : <span>Not saved yet</span>}</span>}
        actions={canManage && (
          <>
            {template.id ? <Button variant="ghost" onClick={() => confirm(`Delete "${name}"?`) && remove.mutate({ workspaceId: ws.id, templateId: template.id! })}><Trash2 className="size-4" /> Delete</Button> : null}
            <Button onClick={save} disabled={saving}><Save className="size-4" /> {saving ? "Saving…" : "Save"}</Button>
          </>
        )}
      />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <Card>
          <CardBody className="space-y-5 py-5">
            {unplaced ? <FormAlert>{unplaced}</FormAlert> : null}
            <Field label="Name" htmlFor="template-name" error={errors.name}>
              <Input id="template-name" value={name} invalid={Boolean(errors.name)} onChange={(e) => setName(e.target.value)} placeholder="e.g. Order shipped" />
            </Field>
            <TemplateFields kind={template.kind} content={content} initial={template.content} onChange={setContent} errors={errors} />
          </CardBody>
        </Card>
        <PreviewPanel kind={template.kind} content={content} templateId={template.id} />
      </div>
    </div>
  );
}
