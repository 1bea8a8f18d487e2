import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/config";
import { listWorkspacesOf } from "@/server/workspaces/list-workspaces";

export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listWorkspacesOf(user.id);
  redirect(first ? `/${first.slug}` : "/new-workspace");
}
