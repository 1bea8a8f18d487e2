"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Dialog, Field, Input, Textarea, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";

/** Creates an empty static list, then opens it to add members. */
export function NewListDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.audiences.create.mutationOptions({
      onSuccess: (list) => {
        toast.success("List created");
        void queryClient.invalidateQueries({ queryKey: trpc.audiences.pathKey() });
        router.push(`/${ws.slug}/audiences/${list.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New static list"
      description="A list holds exactly the profiles you add: by hand, through the API, from a CSV file, or from a journey."
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>Cancel</Button>
          <Button onClick={() => create.mutate({ workspaceId: ws.id, audience: { kind: "list", name, description: description || undefined } })} disabled={create.isPending}>Create list</Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field label="Name" htmlFor="list-name" error={errors["audience.name"] ?? errors.name ?? (create.error && !Object.keys(errors).length ? messageOf(create.error) : undefined)}>
          <Input id="list-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Engaged" autoFocus />
        </Field>
        <Field label="Description" htmlFor="list-description">
          <Textarea id="list-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
    </Dialog>
  );
}
