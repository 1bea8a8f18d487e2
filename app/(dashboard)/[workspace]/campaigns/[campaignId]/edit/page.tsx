import type { Metadata } from "next";
import { EditCampaign } from "@/components/campaigns/edit-campaign";

export const metadata: Metadata = { title: "Edit campaign" };

export default async function EditCampaignPage({ params }: { params: Promise<{ campaignId: string }> }) {
  const { campaignId } = await params;
  return <EditCampaign campaignId={campaignId} />;
}
