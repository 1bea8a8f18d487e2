"use client";
import { useState } from "react";
import { Button } from "@/components/ui";

/** The double opt-in page's button: the confirmation is a POST, so a scanner following the email's link confirms nothing. */
export function ConfirmOptIn({ token }: { token: string }) {
  const [state, setState] = useState<{ kind: "ask" | "busy" | "error" } | { kind: "done"; topic: string; workspace: string }>({ kind: "ask" });
  const confirm = async () => {
    setState({ kind: "busy" });
    const res = await fetch(`/t/confirm/${encodeURIComponent(token)}`, { method: "POST" });
    const body = res.ok ? ((await res.json()) as { topic: string; workspace: string; confirmed: boolean }) : null;
    setState(body?.confirmed ? { kind: "done", topic: body.topic, workspace: body.workspace } : { kind: "error" });
  };
  if (state.kind === "done") {
    return (
      <div role="status">
        <h1 className="text-lg font-semibold text-zinc-900">Subscription confirmed</h1>
        <p className="mt-2 text-sm text-zinc-500">You will receive &quot;{state.topic}&quot; from {state.workspace}.</p>
      </div>
    );
  }
  return (
    <div>
      <h1 className="text-lg font-semibold text-zinc-900">Confirm your subscription</h1>
      <p className="mt-2 text-sm text-zinc-500">You asked to receive these emails. Confirm, and they will start.</p>
      {state.kind === "error" && <p role="alert" className="mt-3 text-sm text-red-700">This link is not valid, has expired, or the subscription was changed since.</p>}
      <Button className="mt-6 w-full" onClick={confirm} loading={state.kind === "busy"}>Confirm my subscription</Button>
    </div>
  );
}
