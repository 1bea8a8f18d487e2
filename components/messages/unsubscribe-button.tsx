"use client";
import { useState } from "react";
import { Button } from "@/components/ui";

export function UnsubscribeButton({ token, workspace, channel, address, alreadyDone }: { token: string; workspace: string; channel: string; address: string | null; alreadyDone: boolean }) {
  const [state, setState] = useState<"ask" | "busy" | "done" | "error">(alreadyDone ? "done" : "ask");
  const what = channel === "email" ? "emails" : channel === "sms" ? "text messages" : `${channel} messages`;
  const confirm = async () => {
    setState("busy");
    const res = await fetch(`/t/u/${token}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    setState(res.ok ? "done" : "error");
  };
  if (state === "done") {
    return (
      <div role="status">
        <h1 className="text-lg font-semibold text-zinc-900">You are unsubscribed</h1>
        <p className="mt-2 text-sm text-zinc-500">{workspace} will not send marketing {what} to {address ?? "you"} any more.</p>
      </div>
    );
  }
  return (
    <div>
      <h1 className="text-lg font-semibold text-zinc-900">Unsubscribe from {workspace}?</h1>
      <p className="mt-2 text-sm text-zinc-500">You will stop receiving marketing {what}{address ? ` at ${address}` : ""}. Messages you ask for, such as receipts, still arrive.</p>
      {state === "error" && <p role="alert" className="mt-3 text-sm text-red-700">That did not work. Please try again.</p>}
      <Button className="mt-6 w-full" onClick={confirm} loading={state === "busy"}>Unsubscribe</Button>
    </div>
  );
}
