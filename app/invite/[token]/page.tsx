import type { Metadata } from "next";
import { Logo } from "@/components/brand/logo";
import { AcceptInviteButton } from "@/components/members/accept-invite-button";
import { ButtonLink } from "@/components/ui";
import { currentUser } from "@/server/auth/config";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { AppError } from "@/server/errors";
import { describeInvite } from "@/server/members/accept-invite";

export const metadata: Metadata = { title: "Join a workspace" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const here = `/invite/${token}`;
  let invite: Awaited<ReturnType<typeof describeInvite>> | null = null;
  let problem: string | null = null;
  try {
    invite = await describeInvite(token);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    problem = error.message;
  }
  const user = await currentUser();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 via-zinc-50 to-zinc-50 px-4">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">
        {!invite ? (
          <>
            <h1 className="text-xl font-semibold tracking-tight">Invite unavailable</h1>
            <p role="alert" className="mt-2 text-sm text-zinc-600">{problem}</p>
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold tracking-tight">Join {invite.workspace.name}</h1>
            <p className="mb-6 mt-2 text-sm text-zinc-600">
              You are invited as <strong>{ROLE_LABELS[invite.role].label}</strong> ({ROLE_LABELS[invite.role].description.toLowerCase()}).
              The invite is for <strong>{invite.email}</strong>.
            </p>
            {!user ? (
              <div className="space-y-2">
                <ButtonLink className="w-full" href={`/sign-up?email=${encodeURIComponent(invite.email)}&callbackUrl=${encodeURIComponent(here)}`}>Create an account to join</ButtonLink>
                <ButtonLink variant="secondary" className="w-full" href={`/sign-in?email=${encodeURIComponent(invite.email)}&callbackUrl=${encodeURIComponent(here)}`}>I already have an account</ButtonLink>
              </div>
            ) : user.email.toLowerCase() === invite.email ? (
              <AcceptInviteButton token={token} />
            ) : (
              <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
                You are signed in as {user.email}. Sign out and sign in as {invite.email} to accept.
              </p>
            )}
          </>
        )}
      </div>
    </main>
  );
}
