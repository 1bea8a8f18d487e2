import type { Metadata } from "next";
import { PreferenceCenter } from "@/components/messages/preference-center";
import { preferencesOf } from "@/server/consents/preference-center";

export const metadata: Metadata = { title: "Email preferences", robots: { index: false, follow: false } };
export const dynamic = "force-dynamic";

/**
 * The preference center an unsubscribe link opens, in the sender's name: the topics of that
 * message's channel, or leave all. No sign-in: the signed token in the path is the only key.
 */
export default async function PreferencesPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const prefs = await preferencesOf(token);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      {prefs && (
        <div className="mb-8 flex items-center gap-3" aria-label={prefs.workspace}>
          <span aria-hidden className="flex size-10 items-center justify-center rounded-lg bg-zinc-900 text-lg font-semibold text-white">{prefs.workspace.trim().charAt(0).toUpperCase()}</span>
          <span className="text-lg font-semibold text-zinc-900">{prefs.workspace}</span>
        </div>
      )}
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        {!prefs ? (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">This link is not valid</h1>
            <p className="mt-2 text-sm text-zinc-500">It may have been cut when the email was copied. Use the link in the email itself.</p>
          </>
        ) : (
          <PreferenceCenter token={token} prefs={prefs} />
        )}
      </div>
    </main>
  );
}
