"use client";
import { useQuery } from "@tanstack/react-query";
import { EmptyState, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { STARTER_CONTENT } from "@/server/templates/starter-content";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { TemplateEditor } from "./template-editor";

/** A saved template, loaded then edited. */
export function TemplatePage({ templateId }: { templateId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.templates.get.queryOptions({ workspaceId: ws.id, templateId }), refetchOnWindowFocus: false });
  if (query.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!query.data) return <EmptyState title="Template not found" description={messageOf(query.error)} />;
  const t = query.data;
  return <TemplateEditor key={t.id} template={{ id: t.id, kind: t.kind as TTemplateKind, name: t.name, content: t.content, version: t.version }} />;
}

/** A new template of a kind, starting from a working example. */
export function NewTemplatePage({ kind }: { kind: TTemplateKind }) {
  return <TemplateEditor template={{ kind, name: "", content: structuredClone(STARTER_CONTENT[kind]) }} />;
}
