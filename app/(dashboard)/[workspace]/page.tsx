import { notFound } from "next/navigation";
import { OverviewView } from "@/components/workspace/overview-view";
import { currentUser } from "@/server/auth/config";
import { findMembership } from "@/server/workspaces/find-membership";
import { workspaceOverview } from "@/server/workspaces/workspace-overview";

export default async function WorkspaceHome({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const user = await currentUser();
  const membership = user && (await findMembership(user.id, { slug }));
  if (!user || !membership) notFound();
  const overview = await workspaceOverview(membership.workspace.id, membership.role);
  return <OverviewView firstName={(user.name ?? user.email).split(" ")[0] ?? ""} overview={overview} />;
}
