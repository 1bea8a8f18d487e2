"use client";
import { useQuery } from "@tanstack/react-query";
import { Mail, MessageSquare, Plus, Smartphone } from "lucide-react";
import Link from "next/link";
import { ButtonLink, Card, CardHeader, PageHeader, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";
import { TEMPLATE_KINDS } from "@/server/templates/template-kinds";
import { BrandKitButton } from "./brand-kit-dialog";
import { KIND_DESCRIPTIONS, KIND_LABELS } from "./kind-labels";

const ICONS = { email: Mail, push: Smartphone, sms: MessageSquare } as const;

/** Reusable content, one section per channel kind. */
export function TemplatesList() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const list = useQuery(trpc.templates.list.queryOptions({ workspaceId: ws.id }));
  const canManage = ws.can("templates.manage");
  return (
    <div>
      <PageHeader title="Templates" description="Reusable content per channel, personalized with Liquid merge tags when sent." actions={<BrandKitButton />} />
      {list.isLoading ? (
        <div className="grid place-items-center p-10"><Spinner /></div>
      ) : (
        <div className="space-y-6">
          {TEMPLATE_KINDS.map((kind) => {
            const Icon = ICONS[kind];
            const rows = (list.data ?? []).filter((t) => t.kind === kind);
            return (
              <Card key={kind} data-testid={`templates-${kind}`}>
                <CardHeader
                  title={<span className="inline-flex items-center gap-2"><Icon className="size-4 text-brand-600" /> {KIND_LABELS[kind]}</span>}
                  description={KIND_DESCRIPTIONS[kind]}
                  actions={canManage && <ButtonLink size="sm" variant="secondary" href={`/${ws.slug}/templates/new?kind=${kind}`}><Plus className="size-4" /> New {KIND_LABELS[kind].toLowerCase()} template</ButtonLink>}
                />
                {rows.length === 0 ? (
                  <p className="px-5 py-6 text-sm text-zinc-500">No {KIND_LABELS[kind].toLowerCase()} templates yet.</p>
                ) : (
                  <ul className="divide-y divide-zinc-100">
                    {rows.map((t) => (
                      <li key={t.id} className="flex items-center justify-between gap-4 px-5 py-3">
                        <Link href={`/${ws.slug}/templates/${t.id}`} className="font-medium text-zinc-900 hover:text-brand-700">{t.name}</Link>
                        <span className="shrink-0 text-xs text-zinc-500">v{t.version} · updated {formatRelative(t.updatedAt)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            );
          })}
        </div>
      )}
    </div>
  );
}
