"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { MailOpen, MousePointerClick } from "lucide-react";
import { Button, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { NODE_META } from "../node-catalog";
import { passedMessages } from "./passed-messages";

const NIL = "00000000-0000-0000-0000-000000000000";

/**
 * "Opened" / "Clicked" on the messages a test run already got, so a split on message
 * behaviour further on (after a plain wait) can be tried along each branch. `except`: a
 * message the current step already offers these for (a reaction's own message).
 */
export function PassedMessageReactions({ enrollmentId, except, onDone }: { enrollmentId: string; except?: string; onDone: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const trace = useQuery({ ...trpc.journeys.trace.queryOptions({ workspaceId: ws.id, enrollmentId }), refetchInterval: 3000 });
  const version = useQuery({ ...trpc.journeys.version.queryOptions({ workspaceId: ws.id, versionId: trace.data?.versionId ?? NIL }), enabled: Boolean(trace.data?.versionId) });
  const react = useMutation(
    trpc.journeys.fireReaction.mutationOptions({
      onSuccess: (_r, v) => (toast.success(`Recorded: ${v.reaction}`), onDone()),
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  const passed = passedMessages(trace.data?.steps ?? [], version.data?.graph.nodes ?? [], except);
  if (passed.length === 0) return null;
  const fire = (messageNodeId: string, reaction: "opened" | "clicked") => react.mutate({ workspaceId: ws.id, enrollmentId, messageNodeId, reaction });
  return (
    <div className="space-y-1.5" data-testid="passed-messages">
      <p className="text-xs text-zinc-500">Messages it got: record a reaction, for the splits further on.</p>
      {passed.map((n) => (
        <div key={n.id} className="flex flex-wrap items-center gap-2" data-testid="passed-message" data-node-id={n.id}>
          <span className="min-w-0 flex-1 truncate text-xs font-medium text-zinc-800">{n.label || `${NODE_META.message.title} (${n.id})`}</span>
          <Button size="sm" variant="secondary" disabled={react.isPending} onClick={() => fire(n.id, "opened")} data-testid="passed-opened"><MailOpen /> Opened</Button>
          <Button size="sm" variant="secondary" disabled={react.isPending} onClick={() => fire(n.id, "clicked")} data-testid="passed-clicked"><MousePointerClick /> Clicked</Button>
        </div>
      ))}
    </div>
  );
}
