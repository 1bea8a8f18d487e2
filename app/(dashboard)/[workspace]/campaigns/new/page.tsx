"use client";
import { CampaignForm, emptyDraft } from "@/components/campaigns/campaign-form";

export default function NewCampaignPage() {
  return <CampaignForm initial={emptyDraft()} />;
}
