"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FlaskConical } from "lucide-react";
import { Button, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/** Test profiles can go through journeys in test mode; their messages never count in reports. */
export function MarkTestButton({ profileId, isTest }: { profileId: string; isTest: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const mark = useMutation(
    trpc.profiles.markTest.mutationOptions({
      onSuccess: async (r) => {
        toast.success(r.isTest ? "Marked as a test profile" : "No longer a test profile");
        await queryClient.invalidateQueries({ queryKey: trpc.profiles.pathKey() });
      },
      onError: (e) => toast.error(messageOf(e)),
    }),
  );
  if (!ws.can("profiles.markTest")) return null;
  return (
    <Button variant="secondary" loading={mark.isPending} onClick={() => mark.mutate({ workspaceId: ws.id, profileId, isTest: !isTest })} data-testid="mark-test">
      <FlaskConical className="size-4" /> {isTest ? "Unmark test profile" : "Mark as test profile"}
    </Button>
  );
}
