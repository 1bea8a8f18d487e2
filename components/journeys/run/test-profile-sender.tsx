"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Send } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Badge, Button, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { samplePayload } from "@/server/events/event-sample";
import { EventPayloadForm, parsePayload } from "./event-payload-form";

const CHANNEL = { email: "email", sms: "SMS", push: "push" } as Record<string, string>;

/** Pick test profiles (each with the path it suits and the channels that reach it) and send them into the draft; an event entry gets its event's form. */
export function TestProfileSender({ journeyId, entryDefinitionId, onSent }: { journeyId: string; entryDefinitionId: string | null; onSent: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const [picked, setPicked] = useState<string[]>([]);
  const [payload, setPayload] = useState<string | null>(null);
  const testers = useQuery(trpc.journeys.testProfiles.queryOptions({ workspaceId: ws.id, journeyId }));
  const defs = useQuery({ ...trpc.events.definitions.queryOptions({ workspaceId: ws.id }), enabled: Boolean(entryDefinitionId) });
  const def = defs.data?.find((d) => d.definition.id === entryDefinitionId)?.definition ?? null;
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
  const text = payload ?? (def ? JSON.stringify(samplePayload(def), null, 2) : "{}");
  const parsed = parsePayload(text);
  if (!testers.isLoading && rows.length === 0)
    return (
      <p className="rounded-md border border-dashed border-zinc-300 p-3 text-sm text-zinc-600">
        No test profiles yet. Open a profile and choose <b>Mark as test profile</b>, then come back. <Link className="font-medium text-brand-700" href={`/${ws.slug}/profiles`}>Profiles</Link>
      </p>
    );
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const audience = testers.data?.entryAudience;
  return (
    <div className="space-y-3">
      <ul className="max-h-72 space-y-1.5 overflow-y-auto" data-testid="test-profiles">
        {rows.map((p) => (
          <li key={p.id}>
            <label className="flex cursor-pointer items-start gap-2 rounded-md border border-zinc-200 px-2 py-1.5 text-sm hover:bg-zinc-50">
              <input type="checkbox" className="mt-1" checked={picked.includes(p.id)} onChange={() => toggle(p.id)} data-testid={`test-profile-${p.id}`} />
              <span className="min-w-0 flex-1">
                <span className="block font-medium text-zinc-900" data-testid="test-profile-name">{p.name}</span>
                {p.note && <span className="block text-xs text-zinc-600">{p.note}</span>}
                <span className="mt-1 flex flex-wrap items-center gap-1">
                  {p.channels.map((c) => <Badge key={c} tone="gray">{CHANNEL[c] ?? c}</Badge>)}
                  {p.channels.length === 0 && <span className="text-xs text-red-700">No address: its messages will fail</span>}
                  {p.inEntryAudience === false && <span className="text-xs text-amber-800" data-testid="not-in-audience">Not in “{audience}”: test mode sends it in anyway</span>}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {entryDefinitionId && def && (
        <div className="space-y-1 text-sm">
          <span className="font-medium text-zinc-800">The “{def.name}” event that starts the journey</span>
          <EventPayloadForm definition={def} value={text} onChange={setPayload} />
        </div>
      )}
      <Button size="sm" disabled={picked.length === 0 || !parsed || send.isPending} onClick={() => send.mutate({ workspaceId: ws.id, journeyId, profileIds: picked, payload: entryDefinitionId ? parsed ?? {} : undefined })} data-testid="send-test">
        <Send /> Send {picked.length || ""} into the journey
      </Button>
    </div>
  );
}
