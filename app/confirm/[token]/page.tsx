import type { Metadata } from "next";
import { ConfirmOptIn } from "@/components/messages/confirm-opt-in";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false, follow: false } };

/** A double opt-in confirmation email's link: one button, no sign-in; the signed token is the only key (checked on POST). */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-zinc-50 px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-zinc-200 bg-white p-8 text-center shadow-sm">
        <ConfirmOptIn token={token} />
      </div>
    </main>
  );
}
