import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { WorkspaceProvider } from "@/components/workspace/workspace-context";
import { currentUser } from "@/server/auth/config";
import { permissionsOf } from "@/server/auth/permissions";
import { findMembership } from "@/server/workspaces/find-membership";
import { listWorkspacesOf } from "@/server/workspaces/list-workspaces";

export default async function WorkspaceLayout({ children, params }: { children: ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${slug}`)}`);
  const membership = await findMembership(user.id, { slug });
  if (!membership) notFound();
  const workspaces = await listWorkspacesOf(user.id);
  const value = { ...membership.workspace, role: membership.role, permissions: permissionsOf(membership.role) };
  return (
    <WorkspaceProvider value={value}>
      <AppShell slug={slug} user={user} workspaces={workspaces}>
        {children}
      </AppShell>
    </WorkspaceProvider>
  );
}
