"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { TriangleAlert } from "lucide-react";
import { useState } from "react";
import { Card, CardBody, CardHeader, Spinner, Textarea } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { EmailPreview } from "./email-preview";
import { ProfilePicker } from "./profile-picker";
import { usePreviewProfile } from "./preview-profile-store";
import { PushPreview } from "./push-preview";
import { SendTest } from "./send-test";
import { SmsPreview } from "./sms-preview";
import { useDebounced } from "@/lib/use-debounced";

const SAMPLE_CONTEXT = '{\n  "orderId": "A-1042"\n}';

function parseObject(json: string): Record<string, unknown> | null {
  try {
    const value = JSON.parse(json || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** The draft as the chosen profile receives it, re-rendered by the server as you type; and a test send. */
export function PreviewPanel({ kind, content, templateId }: { kind: TTemplateKind; content: Record<string, unknown>; templateId?: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const [profile, setProfile] = usePreviewProfile(ws.id);
  const [contextJson, setContextJson] = useState(SAMPLE_CONTEXT);
  const context = parseObject(contextJson);
  const draft = useDebounced(content, 450);
  const preview = useQuery({
    ...trpc.templates.preview.queryOptions({ workspaceId: ws.id, kind, content: draft, profileId: profile?.id ?? null, context: context ?? {}, event: context ?? {} }),
    placeholderData: keepPreviousData,
    // Not before "Preview as" is settled: a render without the profile would flash "Hello there".
    enabled: profile !== undefined,
    retry: false,
  });
  const data = preview.data as Record<string, string | undefined> | undefined;
  return (
    <Card className="self-start xl:sticky xl:top-4">
      <CardHeader title="Preview" description="Rendered by the server with Liquid, as the recipient will see it." actions={preview.isFetching ? <Spinner /> : null} />
      <CardBody className="space-y-4">
        <ProfilePicker value={profile} onChange={setProfile} />
        <details className="rounded-lg border border-zinc-200 px-3 py-2">
          <summary className="cursor-pointer text-sm font-medium text-zinc-700">Sample <span className="font-mono text-xs">context</span> and <span className="font-mono text-xs">event</span> data</summary>
          <Textarea className="mt-2 font-mono text-xs" rows={4} aria-label="Sample context JSON" invalid={!context} value={contextJson} onChange={(e) => setContextJson(e.target.value)} />
          {!context ? <p role="alert" className="mt-1 text-xs text-red-600">Not a JSON object</p> : null}
        </details>
        {preview.error ? (
          <p role="alert" className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" /> {messageOf(preview.error)}
          </p>
        ) : null}
        {!data ? (
          <div className="grid h-60 place-items-center"><Spinner /></div>
        ) : kind === "email" ? (
          <EmailPreview subject={data.subject ?? ""} html={data.html ?? ""} />
        ) : kind === "push" ? (
          <PushPreview title={data.title ?? ""} body={data.body ?? ""} imageUrl={data.imageUrl} url={data.url} />
        ) : (
          <SmsPreview text={data.text ?? ""} />
        )}
        <SendTest kind={kind} content={content} profileId={profile?.id ?? null} templateId={templateId} />
      </CardBody>
    </Card>
  );
}
