"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button, Textarea, useToast } from "@/components/ui";
import { profileLabel } from "@/components/templates/profile-picker";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/** Pick test profiles and send them into the draft (with a trigger payload for event entries). */
export function TestProfileSender({ journeyId, eventEntry, onSent }: { journeyId: string; eventEntry: boolean; onSent: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const [picked, setPicked] = useState<string[]>([]);
  const [payload, setPayload] = useState("{}");
  const testers = useQuery(trpc.profiles.list.queryOptions({ workspaceId: ws.id, testOnly: true, limit: 50 }));
  const send = useMutation(
    trpc.journeys.sendTest.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.entered ? `${r.entered} test profile${r.entered > 1 ? "s" : ""} sent in` : "Already inside: wait for their run to end");
        setPicked([]);
        onSent();
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const rows = testers.data?.profiles ?? [];
  const parsed = (() => {
    try {
      const v = JSON.parse(payload || "{}") as unknown;
      return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  })();
  if (!testers.isLoading && rows.length === 0)
    return (
      <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600">
        No test profiles yet. Open a profile and choose <b>Mark as test profile</b>, then come back. <Link className="font-medium text-brand-700" href={`/${ws.slug}/profiles`}>Profiles</Link>
      </p>
    );
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  return (
    <div className="space-y-3">
      <ul className="max-h-40 space-y-1 overflow-y-auto" data-testid="test-profiles">
        {rows.map((p) => (
          <li key={p.id}>
            <label className="flex cursor-pointer items-center gap-2 rounded px-1.5 py-1 text-sm hover:bg-zinc-50">
              <input type="checkbox" checked={picked.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`test-profile-${p.id}`} />
              <span className="truncate">{profileLabel(p)}</span>
            </label>
          </li>
        ))}
      </ul>
      {eventEntry && (
        <label className="block space-y-1 text-sm">
          <span className="font-medium text-zinc-800">Event payload (JSON)</span>
          <Textarea rows={3} value={payload} onChange={(e) => setPayload(e.target.value)} invalid={!parsed} className="font-mono text-xs" data-testid="test-payload" />
          {!parsed && <span className="text-xs text-red-600">Write a JSON object, e.g. {"{"}"plan": "pro"{"}"}</span>}
        </label>
      )}
      <Button size="sm" disabled={picked.length === 0 || !parsed || send.isPending} onClick={() => send.mutate({ workspaceId: ws.id, journeyId, profileIds: picked, payload: eventEntry ? parsed ?? {} : undefined })} data-testid="send-test">
        <Send /> Send {picked.length || ""} into the journey
      </Button>
    </div>
  );
}
