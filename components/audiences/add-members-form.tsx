"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, Field, Textarea, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { messageOf } from "@/lib/trpc/errors";

/** Adds profiles to a list by email, external id or profile id, one per line or comma-separated. */
export function AddMembersForm({ audienceId }: { audienceId: string }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const add = useMutation(
    trpc.audiences.addMembers.mutationOptions({
      onSuccess: (r) => {
        toast.success(`${r.added ?? 0} added${r.requested !== r.added ? ` (${r.requested - (r.added ?? 0)} already on the list)` : ""}`);
        setText("");
        void queryClient.invalidateQueries({ queryKey: trpc.audiences.pathKey() });
      },
    }),
  );
  const refs = text.split(/[\n,]+/).map((s) => s.trim()).filter(Boolean).map(toRef);
  return (
    <div className="space-y-3 px-5 py-4">
      <Field label="Add profiles" htmlFor="add-members" error={add.error ? messageOf(add.error) : undefined} hint="Emails, external ids (external_id:42) or profile ids; one per line or comma-separated.">
        <Textarea id="add-members" rows={3} value={text} onChange={(e) => setText(e.target.value)} placeholder={"ada@example.com\nexternal_id:user_00042"} />
      </Field>
      <div className="flex justify-end">
        <Button onClick={() => add.mutate({ workspaceId: ws.id, audienceId, profiles: refs })} disabled={refs.length === 0 || add.isPending}>
          Add {refs.length > 0 ? refs.length : ""} to list
        </Button>
      </div>
    </div>
  );
}

/** A bare email becomes `email:<address>`; ids and `<namespace>:<value>` pass as they are. */
function toRef(entry: string): string {
  if (/^[^:@\s]+@[^:\s]+$/.test(entry)) return `email:${entry.toLowerCase()}`;
  return entry;
}
