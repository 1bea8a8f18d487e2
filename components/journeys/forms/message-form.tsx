"use client";
import { TopicSelect } from "@/components/consents/topic-select";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye } from "lucide-react";
import { useState } from "react";
import { PreviewPanel } from "@/components/templates/preview-panel";
import { TemplateFields } from "@/components/templates/template-fields";
import { Button, Dialog, Field, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { TEMPLATE_KINDS, type TTemplateKind } from "@/server/templates/template-kinds";
import { defaultData } from "../node-defaults";
import { str, type TNodeFormProps } from "./form-types";
import { PluginContentFields } from "./plugin-content-fields";

const isCore = (kind: string): kind is TTemplateKind => (TEMPLATE_KINDS as readonly string[]).includes(kind);

/** A message step: channel, configuration, content (copied from a template or written here). */
export function MessageForm({ node, data, lookups, errors, onChange }: TNodeFormProps) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [contentKey, setContentKey] = useState(0);
  const [preview, setPreview] = useState(false);
  const kind = str(data.kind);
  const content = (data.content && typeof data.content === "object" ? data.content : {}) as Record<string, unknown>;
  const templates = useQuery({ ...trpc.templates.list.queryOptions({ workspaceId: ws.id, kind: isCore(kind) ? kind : undefined }), enabled: isCore(kind) });
  const configurations = lookups.configurations.filter((c) => c.kind === kind);

  const pickKind = (next: string) => {
    onChange({ ...defaultData("message", next) });
    setContentKey((k) => k + 1);
  };
  const pickTemplate = async (templateId: string) => {
    if (!templateId) return onChange({ ...data, templateId: null });
    const t = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ workspaceId: ws.id, templateId }));
    onChange({ ...data, templateId, content: structuredClone(t.content) });
    setContentKey((k) => k + 1);
  };
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3">
        <Field label="Channel" htmlFor="field-kind" error={errors.kind}>
          <Select id="field-kind" data-testid="field-kind" value={kind} onChange={(e) => pickKind(e.target.value)}>
            {!lookups.kinds.some((k) => k.id === kind) && <option value={kind}>{kind || "Choose…"}</option>}
            {lookups.kinds.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
          </Select>
        </Field>
        <Field label="Configuration" htmlFor="field-configuration" error={errors.configurationId}>
          <Select id="field-configuration" data-testid="field-configuration" value={str(data.configurationId)} onChange={(e) => onChange({ ...data, configurationId: e.target.value || null })}>
            <option value="">The channel&apos;s default</option>
            {configurations.map((c) => <option key={c.id} value={c.id}>{c.name}{c.isDefault ? " (default)" : ""}</option>)}
          </Select>
        </Field>
      </div>
      {isCore(kind) && <TopicSelect id="field-topic" kind={kind} value={typeof data.topicId === "string" ? data.topicId : null} onChange={(topicId) => onChange({ ...data, topicId })} error={errors.topicId} />}
      {(ws.can("messages.exemptFromCaps") || data.capExempt === true) && (
        <label className="flex items-start gap-2 text-sm text-zinc-800">
          <input type="checkbox" className="mt-0.5 size-4" data-testid="field-cap-exempt" checked={data.capExempt === true} disabled={!ws.can("messages.exemptFromCaps")} onChange={(e) => onChange({ ...data, capExempt: e.target.checked })} />
          <span>Exempt from frequency caps<span className="block text-xs text-zinc-500">The workspace&apos;s caps do not hold this message back (it still counts toward them); quiet hours still apply. Only an admin can change this.</span></span>
        </label>
      )}
      {isCore(kind) && (
        <Field label="Start from a template" htmlFor="field-template" hint="Its content is copied into this step; later edits to the template do not change it.">
          <Select id="field-template" data-testid="field-template" value={str(data.templateId)} onChange={(e) => void pickTemplate(e.target.value)}>
            <option value="">No template</option>
            {(templates.data ?? []).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </Select>
        </Field>
      )}
      <div className="border-t border-zinc-100 pt-4" data-testid="message-content">
        {isCore(kind) ? (
          <TemplateFields key={`${node.id}:${kind}:${contentKey}`} kind={kind} content={content} initial={content} errors={errors} onChange={(c) => onChange({ ...data, content: c }, `${node.id}.content`)} />
        ) : (
          <PluginContentFields key={`${node.id}:${kind}:${contentKey}`} kind={kind} content={content} onChange={(c) => onChange({ ...data, content: c }, `${node.id}.content`)} />
        )}
      </div>
      {isCore(kind) && (
        <>
          <Button variant="secondary" size="sm" data-testid="message-preview" onClick={() => setPreview(true)}><Eye /> Preview and test send</Button>
          <Dialog open={preview} onClose={() => setPreview(false)} title="Preview" className="max-w-3xl">
            {preview && <PreviewPanel kind={kind} content={content} templateId={str(data.templateId) || undefined} />}
          </Dialog>
        </>
      )}
    </div>
  );
}
