import type { Metadata } from "next";
import { GeneralSettings } from "@/components/workspace/general-settings";

export const metadata: Metadata = { title: "Settings" };

export default function GeneralSettingsPage() {
  return <GeneralSettings />;
}
