"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/** The journey's name, editable in place (saved on Enter or when leaving the field). */
export function JourneyName({ journeyId, name, description, readOnly }: { journeyId: string; name: string; description: string | null; readOnly: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [value, setValue] = useState(name);
  const update = useMutation(
    trpc.journeys.update.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.journeys.pathKey() }),
      onError: (e) => (toast.error(messageOf(e)), setValue(name)),
    }),
  );
  const commit = () => {
    const next = value.trim();
    if (!next) return setValue(name);
    if (next !== name) update.mutate({ workspaceId: ws.id, journeyId, name: next, description });
  };
  if (readOnly) return <h1 className="truncate text-base font-semibold text-zinc-900" data-testid="journey-name">{name}</h1>;
  return (
    <input
      aria-label="Journey name"
      data-testid="journey-name"
      value={value}
      maxLength={120}
      onChange={(e) => setValue(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === "Enter") e.currentTarget.blur();
        if (e.key === "Escape") (setValue(name), e.currentTarget.blur());
      }}
      style={{ width: `${Math.max(8, Math.min(40, value.length + 2))}ch` }}
      className="min-w-0 rounded-md border border-transparent bg-transparent px-1.5 py-0.5 text-base font-semibold text-zinc-900 hover:border-zinc-200 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
    />
  );
}
