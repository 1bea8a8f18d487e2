import type { ReactNode } from "react";
import { PageHeader } from "@/components/ui";
import { SettingsTabs } from "@/components/workspace/settings-tabs";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <PageHeader title="Settings" description="Your workspace, its members, API keys and history." />
      <SettingsTabs />
      <div className="mt-6">{children}</div>
    </>
  );
}
