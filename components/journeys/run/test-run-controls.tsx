"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { FastForward, MailOpen, MousePointerClick, Zap } from "lucide-react";
import { useState } from "react";
import { Button, useToast } from "@/components/ui";
import { samplePayload } from "@/server/events/event-sample";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import type { TJourneyNode } from "@/server/journeys/graph/model";
import { EventPayloadForm, parsePayload } from "./event-payload-form";
import { PassedMessageReactions } from "./passed-message-reactions";

/** What a test run waiting on a node can be given: a reaction, its event, a reaction on a message it got, or a skip. */
export function TestRunControls({ enrollmentId, node, onDone }: { enrollmentId: string; node: TJourneyNode; onDone: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const [payload, setPayload] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ matched: boolean; text: string } | null>(null);
  const defs = useQuery({ ...trpc.events.definitions.queryOptions({ workspaceId: ws.id }), enabled: node.type === "wait_event" });
  const opts = { onSuccess: onDone, onError: (e: unknown) => toast.error(messageOf(e)) };
  const skip = useMutation(trpc.journeys.skipWait.mutationOptions(opts));
  const react = useMutation(trpc.journeys.fireReaction.mutationOptions(opts));
  const fire = useMutation(
    trpc.journeys.fireEvent.mutationOptions({
      onSuccess: (r) => {
        setAnswer(r.matched ? { matched: true, text: `Sent: a “${r.event}”. The run moves on.` } : { matched: false, text: `The event was ${r.reason}.` });
        onDone();
      },
      onError: opts.onError,
    }),
  );
  const data = node.data as { messageNodeId?: string; reaction?: "opened" | "clicked" | "delivered"; definitionId?: string };
  const def = defs.data?.find((d) => d.definition.id === data.definitionId)?.definition;
  const skipLabel = node.type === "wait" ? "Skip the wait" : "Skip to timeout";
  const text = payload ?? (def ? JSON.stringify(samplePayload(def), null, 2) : "{}");
  const properties = parsePayload(text);
  return (
    <div className="space-y-2">
      {node.type === "reaction" && data.messageNodeId && (
        <div className="flex flex-wrap gap-2">
          <Button size="sm" variant="secondary" onClick={() => react.mutate({ workspaceId: ws.id, enrollmentId, messageNodeId: data.messageNodeId!, reaction: "opened" })} data-testid="fire-opened"><MailOpen /> Opened</Button>
          <Button size="sm" variant="secondary" onClick={() => react.mutate({ workspaceId: ws.id, enrollmentId, messageNodeId: data.messageNodeId!, reaction: "clicked" })} data-testid="fire-clicked"><MousePointerClick /> Clicked</Button>
        </div>
      )}
      {node.type === "wait_event" && data.definitionId && (
        <div className="space-y-1.5">
          {def && <EventPayloadForm definition={def} value={text} onChange={(t) => { setPayload(t); setAnswer(null); }} />}
          <Button size="sm" variant="secondary" disabled={!properties || fire.isPending} onClick={() => fire.mutate({ workspaceId: ws.id, enrollmentId, definitionId: data.definitionId!, properties: properties ?? {} })} data-testid="fire-event">
            <Zap /> Send “{def?.name ?? "event"}”
          </Button>
          {answer && <p className={answer.matched ? "text-xs text-emerald-700" : "rounded-md bg-amber-50 p-2 text-xs text-amber-900"} data-testid="fire-answer">{answer.text}</p>}
        </div>
      )}
      <PassedMessageReactions enrollmentId={enrollmentId} except={node.type === "reaction" ? data.messageNodeId : undefined} onDone={onDone} />
      <Button size="sm" variant="ghost" disabled={skip.isPending} onClick={() => skip.mutate({ workspaceId: ws.id, enrollmentId })} data-testid="skip-wait"><FastForward /> {skipLabel}</Button>
    </div>
  );
}
