import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { CreateWorkspaceForm } from "@/components/workspace/create-workspace-form";
import { currentUser } from "@/server/auth/config";
import { listWorkspacesOf } from "@/server/workspaces/list-workspaces";

export const metadata: Metadata = { title: "New workspace" };

export default async function NewWorkspacePage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in?callbackUrl=/new-workspace");
  const existing = await listWorkspacesOf(user.id);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 via-zinc-50 to-zinc-50 px-4">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">Create a workspace</h1>
        <p className="mb-6 mt-1 text-sm text-zinc-500">
          A workspace holds your customers, audiences, campaigns and journeys. You will be its admin.
        </p>
        <CreateWorkspaceForm />
      </div>
      {existing.length > 0 && (
        <p className="mt-6 text-sm text-zinc-500">
          or go back to{" "}
          <Link className="font-medium text-brand-700 hover:underline" href={`/${existing[0]?.slug}`}>{existing[0]?.name}</Link>
        </p>
      )}
    </main>
  );
}
