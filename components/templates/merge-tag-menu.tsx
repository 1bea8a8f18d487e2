"use client";
import { useQuery } from "@tanstack/react-query";
import { Braces } from "lucide-react";
import { DropdownItem, DropdownLabel, DropdownMenu, DropdownSeparator } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

const BUILT_IN = ["id", "email", "phone"];

/** Lists the merge tags a template can use: the workspace's profile attributes, then free context/event keys. */
export function MergeTagMenu({ onPick, label = "Merge tag" }: { onPick: (tag: string) => void; label?: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const keys = useQuery(trpc.profiles.attributeKeys.queryOptions({ workspaceId: ws.id }, { staleTime: 60_000 }));
  const attributes = [...new Set([...BUILT_IN, ...(keys.data ?? []).map((k) => k.key)])].slice(0, 40);
  const free = (root: "context" | "event") => {
    const key = window.prompt(`Which ${root} field? (e.g. ${root === "context" ? "orderId" : "product"})`)?.trim();
    if (key) onPick(`{{ ${root}.${key} }}`);
  };
  return (
    <DropdownMenu
      triggerLabel={label}
      triggerClassName="inline-flex h-7 items-center gap-1 whitespace-nowrap rounded-md px-2 text-xs font-medium text-brand-700 hover:bg-brand-50"
      trigger={<><Braces className="size-3.5" /> {label}</>}
      className="z-20"
    >
      <div className="max-h-72 overflow-y-auto">
        <DropdownLabel>Profile</DropdownLabel>
        {attributes.map((key) => (
          <DropdownItem key={key} onSelect={() => onPick(key === "firstName" ? `{{ profile.firstName | default: "there" }}` : `{{ profile.${key} }}`)}>
            <span className="font-mono text-xs">profile.{key}</span>
          </DropdownItem>
        ))}
        <DropdownSeparator />
        <DropdownItem onSelect={() => free("context")}><span className="font-mono text-xs">context.…</span><span className="text-xs text-zinc-400">API payload</span></DropdownItem>
        <DropdownItem onSelect={() => free("event")}><span className="font-mono text-xs">event.…</span><span className="text-xs text-zinc-400">triggering event</span></DropdownItem>
        <DropdownItem onSelect={() => onPick("{{ unsubscribe_url }}")}><span className="font-mono text-xs">unsubscribe_url</span></DropdownItem>
      </div>
    </DropdownMenu>
  );
}
