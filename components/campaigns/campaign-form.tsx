"use client";
import { TopicSelect } from "@/components/consents/topic-select";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Save } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { PreviewPanel } from "@/components/templates/preview-panel";
import { TemplateFields } from "@/components/templates/template-fields";
import { Button, Card, CardBody, CardHeader, Field, FormAlert, Input, PageHeader, Select } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { TCampaignSchedule } from "@/db/schema";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { campaignStarter } from "@/server/templates/starter-content";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { CampaignReview } from "./campaign-review";
import { RecipientFields } from "./recipient-fields";
import { SeedFields } from "./seed-fields";
import { defaultSchedule, ScheduleFields } from "./schedule-fields";

export interface TCampaignDraft {
  id?: string;
  type: "scheduled" | "api";
  apiMode: "marketing" | "transactional";
  name: string;
  audienceId: string;
  kind: TTemplateKind;
  configurationId: string | null;
  templateId: string | null;
  content: Record<string, unknown>;
  schedule: TCampaignSchedule;
  ratePerSecond: number | null;
  /** Its messages ignore frequency caps; only an admin changes it. */
  capExempt: boolean;
  topicId?: string | null;
  /** Internal addresses that get a copy of each send (scheduled email and SMS campaigns). */
  seedAddresses?: string[];
  status?: string;
}

export const emptyDraft = (): TCampaignDraft => ({ type: "scheduled", apiMode: "transactional", name: "", audienceId: "", kind: "email", configurationId: null, templateId: null, content: campaignStarter("scheduled", "email"), schedule: defaultSchedule("at"), ratePerSecond: null, capExempt: false, topicId: null });

function Section({ n, title, description, children }: { n: number; title: string; description: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader title={<span className="flex items-center gap-2"><span className="grid size-6 place-items-center rounded-full bg-brand-600 text-xs font-semibold text-white">{n}</span>{title}</span>} description={description} />
      <CardBody className="space-y-4">{children}</CardBody>
    </Card>
  );
}

/** The campaign wizard on one page: audience, channel, content, schedule, then review and save. */
export function CampaignForm({ initial }: { initial: TCampaignDraft }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(initial);
  const [contentKey, setContentKey] = useState(0);
  const set = (patch: Partial<TCampaignDraft>) => {
    // Switching between scheduled and API swaps an untouched starter for the other type's one.
    const swap = patch.type && patch.type !== draft.type && draft.content === campaignStarter(draft.type, draft.kind);
    setDraft((d) => ({ ...d, ...patch, ...(swap ? { content: campaignStarter(patch.type!, d.kind) } : {}) }));
    if (swap) setContentKey((k) => k + 1);
  };
  const audiences = useQuery(trpc.audiences.list.queryOptions({ workspaceId: ws.id }));
  const channels = useQuery(trpc.channels.list.queryOptions({ workspaceId: ws.id }));
  const templates = useQuery(trpc.templates.list.queryOptions({ workspaceId: ws.id, kind: draft.kind }));
  const configs = (channels.data ?? []).filter((c) => c.kind === draft.kind);
  const api = draft.type === "api";

  const done = (row: { id: string }, message: string) => {
    queryClient.invalidateQueries({ queryKey: trpc.campaigns.list.queryKey() });
    queryClient.invalidateQueries({ queryKey: trpc.campaigns.get.queryKey() });
    toast.success(message);
    router.push(`/${ws.slug}/campaigns/${row.id}`);
  };
  const create = useMutation(trpc.campaigns.create.mutationOptions({ onSuccess: (row) => done(row, "Campaign saved as a draft") }));
  const update = useMutation(trpc.campaigns.update.mutationOptions({ onSuccess: (row) => done(row, row.status === "draft" && initial.status !== "draft" ? "Saved: back to draft, submit it again" : "Campaign saved") }));
  const error = create.error ?? update.error;
  const errors = fieldErrorsOf(error);
  const placed = ["name", "audienceId", "configurationId", "capExempt", "topicId", "seedAddresses", "schedule.at", "schedule.date", "schedule.until"];
  const unplaced = error && !Object.keys(errors).some((k) => placed.includes(k) || k.startsWith("content.")) ? messageOf(error) : null;

  const pickKind = (kind: TTemplateKind) => {
    set({ kind, configurationId: null, templateId: null, topicId: null, content: campaignStarter(draft.type, kind) });
    setContentKey((k) => k + 1);
  };
  const pickTemplate = async (templateId: string) => {
    if (!templateId) return set({ templateId: null });
    const t = await queryClient.fetchQuery(trpc.templates.get.queryOptions({ workspaceId: ws.id, templateId }));
    set({ templateId, content: t.content });
    setContentKey((k) => k + 1);
  };
  const save = () => {
    create.reset();
    update.reset();
    const { id: _id, status: _status, type, apiMode, audienceId, schedule, ratePerSecond, seedAddresses, ...rest } = draft;
    const campaign = type === "api" ? { ...rest, type, apiMode } : { ...rest, type, audienceId: audienceId || "-", schedule, ratePerSecond: ratePerSecond || null, seedAddresses: draft.kind === "push" ? [] : (seedAddresses ?? []) };
    if (draft.id) update.mutate({ workspaceId: ws.id, campaignId: draft.id, campaign });
    else create.mutate({ workspaceId: ws.id, campaign });
  };
  const saving = create.isPending || update.isPending;

  return (
    <div className="xl:relative xl:left-1/2 xl:w-[min(88rem,calc(100vw-15rem-4rem))] xl:-translate-x-1/2">
      <Link href={`/${ws.slug}/campaigns`} className="mb-3 inline-flex items-center gap-1 text-sm text-zinc-500 hover:text-zinc-800"><ArrowLeft className="size-4" /> Campaigns</Link>
      <PageHeader title={draft.id ? `Edit ${initial.name}` : "New campaign"} description={api ? "API-triggered campaign: your server calls it, one recipient per call." : "Scheduled campaign: one audience, one channel, one message."} />
      <div className="grid items-start gap-6 xl:grid-cols-[minmax(0,5fr)_minmax(0,6fr)]">
        <div className="space-y-5">
          <Section n={1} title={api ? "Recipients" : "Audience"} description={api ? "Whoever your server names in each call; unknown recipients are created." : "Who receives it: the members at send time."}>
            <Field label="Campaign name" htmlFor="campaign-name" error={errors.name}>
              <Input id="campaign-name" value={draft.name} invalid={Boolean(errors.name)} onChange={(e) => set({ name: e.target.value })} placeholder="e.g. Spring promotion" />
            </Field>
            <RecipientFields draft={draft} set={set} audiences={audiences.data ?? []} error={errors.audienceId} />
          </Section>
          <Section n={2} title="Channel" description="How it is sent, and through which configuration.">
            <div className="grid gap-4 sm:grid-cols-2">
              <Field label="Channel" htmlFor="campaign-kind">
                <Select id="campaign-kind" value={draft.kind} onChange={(e) => pickKind(e.target.value as TTemplateKind)}>
                  <option value="email">Email</option>
                  <option value="push">Push</option>
                  <option value="sms">SMS</option>
                </Select>
              </Field>
              <Field label="Configuration" htmlFor="campaign-config" error={errors.configurationId}>
                <Select id="campaign-config" value={draft.configurationId ?? ""} onChange={(e) => set({ configurationId: e.target.value || null })}>
                  <option value="">The channel&apos;s default</option>
                  {configs.map((c) => <option key={c.id} value={c.id}>{c.name}{c.isDefault ? " (default)" : ""}</option>)}
                </Select>
              </Field>
            </div>
            {!(api && draft.apiMode === "transactional") && <TopicSelect id="campaign-topic" kind={draft.kind} value={draft.topicId} onChange={(topicId) => set({ topicId })} error={errors.topicId} />}
            {!(api && draft.apiMode === "transactional") && (ws.can("messages.exemptFromCaps") || draft.capExempt) ? (
              <div className="space-y-1">
                <label className="flex items-center gap-2 text-sm font-medium text-zinc-800">
                  <input type="checkbox" className="size-4" checked={draft.capExempt} disabled={!ws.can("messages.exemptFromCaps")} onChange={(e) => set({ capExempt: e.target.checked })} /> Exempt from frequency caps
                </label>
                <p className="text-xs text-zinc-500">For messages that must reach everyone (an outage, a legal notice): the workspace&apos;s caps do not hold them back, though they still count toward them. Quiet hours still apply. Only an admin can change this.</p>
                {errors.capExempt ? <p role="alert" className="text-xs text-red-600">{errors.capExempt}</p> : null}
              </div>
            ) : null}
            {!api ? <SeedFields key={draft.kind} kind={draft.kind} value={draft.seedAddresses ?? []} onChange={(seedAddresses) => set({ seedAddresses })} error={errors.seedAddresses} /> : null}
          </Section>
          <Section n={3} title="Content" description="Start from a template (its content is copied) or write it here. Liquid merge tags personalize it.">
            <Field label="Start from a template" htmlFor="campaign-template">
              <Select id="campaign-template" value={draft.templateId ?? ""} onChange={(e) => void pickTemplate(e.target.value)}>
                <option value="">No template</option>
                {(templates.data ?? []).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
              </Select>
            </Field>
            <TemplateFields key={`${draft.kind}-${contentKey}`} kind={draft.kind} content={draft.content} initial={draft.content} onChange={(content) => set({ content })} errors={errors} />
          </Section>
          {!api && <Section n={4} title="Schedule" description="When it goes out once activated.">
            <ScheduleFields value={draft.schedule} onChange={(schedule) => set({ schedule })} errors={errors} />
            <Field label="Sending rate (messages per second, optional)" htmlFor="campaign-rate" hint="Leave empty to send as fast as the channel allows.">
              <Input id="campaign-rate" type="number" min={1} className="max-w-40" value={draft.ratePerSecond ?? ""} onChange={(e) => set({ ratePerSecond: e.target.value ? Number(e.target.value) : null })} />
            </Field>
          </Section>}
          <Section n={api ? 4 : 5} title="Review" description="Check it, then save. A saved campaign is a draft until it is approved and activated.">
            <CampaignReview draft={draft} audienceName={audiences.data?.find((a) => a.id === draft.audienceId)?.name} configurationName={configs.find((c) => c.id === draft.configurationId)?.name} />
            {unplaced ? <FormAlert>{unplaced}</FormAlert> : null}
            {Object.keys(errors).length && !unplaced ? <FormAlert>{messageOf(error)}</FormAlert> : null}
            <div className="flex justify-end">
              <Button onClick={save} disabled={saving}><Save className="size-4" /> {saving ? "Saving…" : draft.id ? "Save changes" : "Save campaign"}</Button>
            </div>
          </Section>
        </div>
        <PreviewPanel kind={draft.kind} content={draft.content} templateId={draft.templateId ?? undefined} />
      </div>
    </div>
  );
}
