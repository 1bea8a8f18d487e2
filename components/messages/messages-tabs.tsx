"use client";
import { usePathname } from "next/navigation";
import { PageHeader, TabsNav } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

/** Header and tabs of the Messages section: the log, the dev inbox, the suppression list. */
export function MessagesTabs() {
  const { slug } = useWorkspace();
  const pathname = usePathname();
  const base = `/${slug}/messages`;
  const items = [
    { href: base, label: "Log", active: pathname === base },
    { href: `${base}/inbox`, label: "Dev inbox", active: pathname.startsWith(`${base}/inbox`) },
    { href: `${base}/suppressions`, label: "Suppression list", active: pathname.startsWith(`${base}/suppressions`) },
  ];
  return (
    <div className="mb-6">
      <PageHeader title="Messages" description="Every message Parcours sent or held back, with its history." className="mb-0" />
      <TabsNav items={items} className="mt-4" />
    </div>
  );
}
