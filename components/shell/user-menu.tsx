"use client";
import { LogOut } from "lucide-react";
import { signOutAction } from "@/app/(auth)/actions";
import { DropdownItem, DropdownLabel, DropdownMenu } from "@/components/ui";

export function UserMenu({ user }: { user: { email: string; name: string | null } }) {
  const initials = (user.name ?? user.email).split(/[\s@.]/).filter(Boolean).slice(0, 2).map((p) => p[0]?.toUpperCase()).join("");
  return (
    <DropdownMenu
      align="start"
      triggerLabel="Account"
      triggerClassName="flex w-full items-center gap-2 rounded-lg px-2 py-1.5 text-left hover:bg-zinc-100"
      trigger={
        <>
          <span className="grid size-7 shrink-0 place-items-center rounded-full bg-zinc-800 text-xs font-semibold text-white">{initials}</span>
          <span className="min-w-0 flex-1">
            <span className="block truncate text-sm font-medium">{user.name ?? user.email}</span>
            <span className="block truncate text-xs text-zinc-500">{user.email}</span>
          </span>
        </>
      }
    >
      <DropdownLabel>{user.email}</DropdownLabel>
      <DropdownItem onSelect={() => void signOutAction()}>
        <LogOut className="size-4" /> Sign out
      </DropdownItem>
    </DropdownMenu>
  );
}
