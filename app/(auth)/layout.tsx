import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-gradient-to-b from-brand-50 via-zinc-50 to-zinc-50 px-4 py-12">
      <Logo className="mb-8" />
      <div className="w-full max-w-sm rounded-xl border border-zinc-200 bg-white p-8 shadow-sm">{children}</div>
      <p className="mt-8 max-w-sm text-center text-xs text-zinc-500">
        Audiences, campaigns and journeys across email, push and SMS. Open source, on your own machine.
      </p>
    </main>
  );
}
