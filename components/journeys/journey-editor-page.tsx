"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useState } from "react";
import { Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { JourneyEditorWithRuns } from "./run/journey-editor-with-runs";

/** Loads a journey and opens the editor; "Reload" (after a conflict) remounts it on the saved draft. */
export function JourneyEditorPage({ journeyId, viewerId }: { journeyId: string; viewerId: string | null }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [generation, setGeneration] = useState(0);
  const get = useQuery({ ...trpc.journeys.get.queryOptions({ workspaceId: ws.id, journeyId }), refetchOnWindowFocus: false });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() });
  const reload = async () => {
    await get.refetch();
    setGeneration((g) => g + 1);
  };
  if (get.isLoading) return <div className="fixed inset-0 z-40 grid place-items-center bg-white"><Spinner /></div>;
  if (!get.data)
    return (
      <div className="grid place-items-center gap-3 p-10 text-sm text-zinc-600">
        <p role="alert">{messageOf(get.error) || "This journey could not be loaded."}</p>
        <Link href={`/${ws.slug}/journeys`} className="font-medium text-brand-700">Back to journeys</Link>
      </div>
    );
  const { journey, liveVersion, approvalRequired, otherApprovers } = get.data;
  return (
    <ReactFlowProvider>
      <JourneyEditorWithRuns key={`${journey.id}:${generation}`} journey={journey} liveVersionId={journey.liveVersionId} liveVersionNumber={liveVersion?.number ?? null} approvalRequired={approvalRequired} otherApprovers={otherApprovers} viewerId={viewerId} onRefresh={refresh} onReload={() => void reload()} />
    </ReactFlowProvider>
  );
}
