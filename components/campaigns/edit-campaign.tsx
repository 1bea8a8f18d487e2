"use client";
import { useQuery } from "@tanstack/react-query";
import { EmptyState, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { CampaignForm } from "./campaign-form";
import { defaultSchedule } from "./schedule-fields";

/** The wizard filled with a saved campaign. */
export function EditCampaign({ campaignId }: { campaignId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.campaigns.get.queryOptions({ workspaceId: ws.id, campaignId }), refetchOnWindowFocus: false });
  if (q.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!q.data) return <EmptyState title="Campaign not found" description={messageOf(q.error)} />;
  const c = q.data;
  return (
    <CampaignForm
      initial={{ id: c.id, type: c.type, apiMode: c.apiMode ?? "transactional", name: c.name, status: c.status, audienceId: c.audienceId ?? "", kind: c.kind as TTemplateKind, configurationId: c.configurationId, templateId: c.templateId, content: c.content, schedule: c.schedule ?? defaultSchedule("now"), ratePerSecond: c.ratePerSecond, capExempt: c.capExempt, topicId: c.topicId, seedAddresses: c.seedAddresses }}
    />
  );
}
