"use client";
import { usePathname } from "next/navigation";
import { TabsNav } from "@/components/ui";
import type { TPermission } from "@/server/auth/permissions";
import { useWorkspace } from "./workspace-context";

const TABS: { path: string; label: string; needs: TPermission }[] = [
  { path: "", label: "General", needs: "workspace.read" },
  { path: "/members", label: "Members", needs: "members.read" },
  { path: "/api-keys", label: "API keys", needs: "apiKeys.read" },
  { path: "/webhooks", label: "Webhooks", needs: "webhooks.read" },
  { path: "/audit-log", label: "Audit log", needs: "audit.read" },
  { path: "/runs", label: "Workflow runs", needs: "runs.read" },
];

export function SettingsTabs() {
  const { slug, can } = useWorkspace();
  const pathname = usePathname();
  const base = `/${slug}/settings`;
  const items = TABS.filter((t) => can(t.needs)).map((t) => ({ href: base + t.path, label: t.label, active: t.path ? pathname.startsWith(base + t.path) : pathname === base }));
  return <TabsNav items={items} className="mt-6" />;
}
