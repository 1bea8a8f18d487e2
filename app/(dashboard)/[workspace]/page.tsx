import { notFound } from "next/navigation";
import { HomeView } from "@/components/home/home-view";
import { currentUser } from "@/server/auth/config";
import { HOME_PERIODS, homeOverview } from "@/server/home/home-overview";
import { findMembership } from "@/server/workspaces/find-membership";

export default async function WorkspaceHome({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ days?: string }> }) {
  const [{ workspace: slug }, { days: asked }] = await Promise.all([params, searchParams]);
  const user = await currentUser();
  const membership = user && (await findMembership(user.id, { slug }));
  if (!user || !membership) notFound();
  const days = HOME_PERIODS.find((d) => String(d) === asked) ?? 30;
  const home = await homeOverview(membership.workspace, membership.role, days);
  return <HomeView firstName={(user.name ?? user.email).split(" ")[0] ?? ""} home={home} periods={HOME_PERIODS} />;
}
