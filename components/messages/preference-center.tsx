"use client";
import { useState } from "react";
import { Button } from "@/components/ui";

type TTopic = { id: string; name: string; subscribed: boolean; pending: boolean };
export interface TPreferences {
  workspace: string;
  channel: string;
  address: string | null;
  messageTopicId: string | null;
  unsubscribedFromAll: boolean;
  topics: TTopic[];
}

/** The recipient's choices for one channel: each topic, or leave everything. Saved through the token only. */
export function PreferenceCenter({ token, prefs }: { token: string; prefs: TPreferences }) {
  const [chosen, setChosen] = useState<Record<string, boolean>>(Object.fromEntries(prefs.topics.map((t) => [t.id, t.subscribed || t.pending])));
  const [state, setState] = useState<"edit" | "busy" | "saved" | "left" | "error">(prefs.unsubscribedFromAll ? "left" : "edit");
  const what = prefs.channel === "email" ? "emails" : prefs.channel === "sms" ? "text messages" : `${prefs.channel} messages`;
  const save = async (unsubscribeAll: boolean) => {
    setState("busy");
    const body = JSON.stringify({ unsubscribeAll, topics: prefs.topics.map((t) => ({ id: t.id, subscribed: Boolean(chosen[t.id]) })) });
    const res = await fetch(`/t/u/${encodeURIComponent(token)}/preferences`, { method: "POST", headers: { "content-type": "application/json" }, body });
    setState(res.ok ? (unsubscribeAll ? "left" : "saved") : "error");
  };
  if (state === "left") {
    return (
      <div role="status">
        <h1 className="text-lg font-semibold text-zinc-900">You are unsubscribed</h1>
        <p className="mt-2 text-sm text-zinc-500">{prefs.workspace} will not send marketing {what} to {prefs.address ?? "you"} any more.</p>
        <Button variant="secondary" className="mt-6 w-full" onClick={() => setState("edit")}>Choose what to receive instead</Button>
      </div>
    );
  }
  return (
    <form onSubmit={(e) => (e.preventDefault(), void save(false))}>
      <h1 className="text-lg font-semibold text-zinc-900">Your {what} from {prefs.workspace}</h1>
      <p className="mt-2 text-sm text-zinc-500">Choose what {prefs.workspace} may send{prefs.address ? ` to ${prefs.address}` : ""}. Messages you ask for, such as receipts, still arrive.</p>
      {prefs.topics.length > 0 && (
        <fieldset className="mt-6 space-y-3 text-left">
          <legend className="sr-only">Topics</legend>
          {prefs.topics.map((t) => (
            <label key={t.id} className="flex items-center gap-3 rounded-lg border border-zinc-200 px-4 py-3 text-sm text-zinc-800">
              <input type="checkbox" className="size-4" checked={Boolean(chosen[t.id])} onChange={(e) => setChosen({ ...chosen, [t.id]: e.target.checked })} />
              <span className="flex-1">{t.name}</span>
              {t.pending && <span className="text-xs text-zinc-500">waiting for confirmation</span>}
              {t.id === prefs.messageTopicId && <span className="text-xs text-zinc-500">this message</span>}
            </label>
          ))}
        </fieldset>
      )}
      {state === "saved" && <p role="status" className="mt-4 text-sm text-emerald-700">Your preferences are saved.</p>}
      {state === "error" && <p role="alert" className="mt-4 text-sm text-red-700">That did not work. Please try again.</p>}
      <Button type="submit" className="mt-6 w-full" loading={state === "busy"}>Save preferences</Button>
      <Button type="button" variant="secondary" className="mt-3 w-full" onClick={() => void save(true)} disabled={state === "busy"}>Unsubscribe from all {what}</Button>
    </form>
  );
}
