import type { Metadata } from "next";
import { RunRetentionCard } from "@/components/runs/run-retention-card";
import { ApprovalSettingCard } from "@/components/workspace/approval-setting-card";
import { GeneralSettings } from "@/components/workspace/general-settings";
import { IndexedAttributesCard } from "@/components/workspace/indexed-attributes-card";
import { SubscriptionTopicsCard } from "@/components/workspace/subscription-topics-card";

export const metadata: Metadata = { title: "Settings" };

export default function GeneralSettingsPage() {
  return (
    <>
      <GeneralSettings />
      <ApprovalSettingCard />
      <SubscriptionTopicsCard />
      <IndexedAttributesCard />
      <RunRetentionCard />
    </>
  );
}
