import type { Metadata } from "next";
import { Logo } from "@/components/brand/logo";
import { UnsubscribeButton } from "@/components/messages/unsubscribe-button";
import { unsubscribeInfo } from "@/server/messaging/unsubscribe-info";

export const metadata: Metadata = { title: "Unsubscribe" };

/** The page an email's unsubscribe link opens: one button, no sign-in. */
export default async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const info = await unsubscribeInfo(token);
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <Logo className="mb-8" />
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        {!info ? (
          <>
            <h1 className="text-lg font-semibold text-zinc-900">This link is not valid</h1>
            <p className="mt-2 text-sm text-zinc-500">It may have been cut when the email was copied. Use the link in the email itself.</p>
          </>
        ) : (
          <UnsubscribeButton token={token} workspace={info.workspace} channel={info.channel} address={info.address} alreadyDone={info.done} />
        )}
      </div>
    </main>
  );
}
