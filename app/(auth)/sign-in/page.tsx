import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Button, FormAlert, Input } from "@/components/ui";
import { currentUser, enabledProviders } from "@/server/auth/config";
import { signInWithEmailLink, signInWithGitHub } from "../actions";
import { safeCallbackPath } from "@/server/auth/safe-callback";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  OAuthAccountNotLinked: "This email is already registered with another sign-in method.",
  Verification: "This sign-in link has expired or was already used.",
  AccessDenied: "Access denied.",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const providers = enabledProviders();
  const error = params.error ? (ERRORS[params.error] ?? "Sign-in failed. Try again.") : null;
  return (
    <>
      <h1 className="text-xl font-semibold tracking-tight">Sign in to Parcours</h1>
      <p className="mb-6 mt-1 text-sm text-zinc-500">Welcome back.</p>
      <FormAlert className="mb-4">{error}</FormAlert>
      {providers.github && (
        <form action={signInWithGitHub} className="mb-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Button type="submit" variant="secondary" className="w-full">
            Continue with GitHub
          </Button>
        </form>
      )}
      {providers.email && (
        <form action={signInWithEmailLink} className="mb-4 flex gap-2">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <Input name="email" type="email" placeholder="you@company.com" aria-label="Email for a sign-in link" required />
          <Button type="submit" variant="secondary">
            Email me a link
          </Button>
        </form>
      )}
      {(providers.github || providers.email) && (
        <div className="my-4 flex items-center gap-3 text-xs uppercase tracking-wide text-zinc-400">
          <span className="h-px flex-1 bg-zinc-200" /> or with a password <span className="h-px flex-1 bg-zinc-200" />
        </div>
      )}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={params.email} />
    </>
  );
}
