"use client";
import { Check, ChevronsUpDown, Plus } from "lucide-react";
import { DropdownItem, DropdownLabel, DropdownMenu, DropdownSeparator } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

export function WorkspaceSwitcher({ workspaces }: { workspaces: { id: string; name: string; slug: string; role: string }[] }) {
  const current = useWorkspace();
  return (
    <DropdownMenu
      align="start"
      triggerLabel="Switch workspace"
      triggerClassName="flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100"
      trigger={
        <>
          <span className="grid size-7 shrink-0 place-items-center rounded-md bg-brand-100 text-xs font-semibold text-brand-700">
            {current.name.slice(0, 2).toUpperCase()}
          </span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium" data-testid="current-workspace">{current.name}</span>
            <span className="block text-xs capitalize text-zinc-500">{current.role}</span>
          </span>
          <ChevronsUpDown className="size-4 text-zinc-400" />
        </>
      }
    >
      <DropdownLabel>Workspaces</DropdownLabel>
      {workspaces.map((w) => (
        <DropdownItem key={w.id} href={`/${w.slug}`}>
          <span className="flex-1 truncate">{w.name}</span>
          {w.id === current.id && <Check className="size-4 text-brand-600" />}
        </DropdownItem>
      ))}
      <DropdownSeparator />
      <DropdownItem href="/new-workspace">
        <Plus className="size-4" /> New workspace
      </DropdownItem>
    </DropdownMenu>
  );
}
