"use client";
import { Field, Select } from "@/components/ui";
import type { TCampaignDraft } from "./campaign-form";

/** Who a campaign reaches: an audience on a schedule, or whoever an API call names (marketing or transactional). */
export function RecipientFields({ draft, set, audiences, error }: { draft: TCampaignDraft; set: (patch: Partial<TCampaignDraft>) => void; audiences: { id: string; name: string; count: number | null }[]; error?: string }) {
  return (
    <>
      {!draft.id && (
        <Field label="How it is sent" htmlFor="campaign-type">
          <Select id="campaign-type" value={draft.type} onChange={(e) => set({ type: e.target.value as TCampaignDraft["type"] })}>
            <option value="scheduled">On a schedule, to an audience</option>
            <option value="api">Triggered by the API, one recipient per call</option>
          </Select>
        </Field>
      )}
      {draft.type === "api" ? (
        <Field label="Purpose" htmlFor="campaign-api-mode" hint={draft.apiMode === "transactional" ? "Receipts, password resets: skips marketing consent, frequency cap and quiet hours (never hard suppressions)." : "Marketing: consent, suppressions, frequency cap and quiet hours apply."}>
          <Select id="campaign-api-mode" value={draft.apiMode} onChange={(e) => set({ apiMode: e.target.value as TCampaignDraft["apiMode"] })}>
            <option value="transactional">Transactional</option>
            <option value="marketing">Marketing</option>
          </Select>
        </Field>
      ) : (
        <Field label="Audience" htmlFor="campaign-audience" error={error}>
          <Select id="campaign-audience" value={draft.audienceId} invalid={Boolean(error)} onChange={(e) => set({ audienceId: e.target.value })}>
            <option value="">Choose an audience…</option>
            {audiences.map((a) => <option key={a.id} value={a.id}>{a.name}{a.count !== null ? ` (${a.count.toLocaleString("en-US")})` : ""}</option>)}
          </Select>
        </Field>
      )}
    </>
  );
}
