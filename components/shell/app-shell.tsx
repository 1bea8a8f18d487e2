import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";
import { WorkspaceSwitcher } from "./workspace-switcher";

interface Props {
  slug: string;
  user: { email: string; name: string | null };
  workspaces: { id: string; name: string; slug: string; role: string }[];
  children: ReactNode;
}

export function AppShell({ slug, user, workspaces, children }: Props) {
  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50/80 px-3 py-4">
        <Logo className="mb-5 px-2" />
        <WorkspaceSwitcher workspaces={workspaces} />
        <div className="mt-5 flex-1">
          <SidebarNav slug={slug} />
        </div>
        <UserMenu user={user} />
      </aside>
      <main className="min-w-0 flex-1 bg-white">
        <div className="mx-auto max-w-5xl px-8 py-8">{children}</div>
      </main>
    </div>
  );
}
