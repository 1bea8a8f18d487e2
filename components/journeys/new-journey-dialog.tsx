"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Dialog, Field, FormAlert, Input, Textarea } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";

/** Name a new journey, then open it on the canvas. */
export function NewJourneyDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const create = useMutation(
    trpc.journeys.create.mutationOptions({
      onSuccess: (row) => {
        void queryClient.invalidateQueries({ queryKey: trpc.journeys.list.queryKey() });
        router.push(`/${ws.slug}/journeys/${row.id}`);
      },
    }),
  );
  const errors = fieldErrorsOf(create.error);
  const submit = () => create.mutate({ workspaceId: ws.id, name, description: description || undefined });
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New journey"
      description="Name it; you will design it on the canvas next."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button form="new-journey-form" type="submit" loading={create.isPending || create.isSuccess} data-testid="create-journey">Create and open</Button>
        </>
      }
    >
      <form id="new-journey-form" className="space-y-4" onSubmit={(e) => (e.preventDefault(), submit())}>
        <Field label="Name" htmlFor="journey-name" error={errors.name}>
          <Input id="journey-name" value={name} invalid={Boolean(errors.name)} onChange={(e) => setName(e.target.value)} placeholder="e.g. Welcome series" maxLength={120} />
        </Field>
        <Field label="Description (optional)" htmlFor="journey-description" error={errors.description}>
          <Textarea id="journey-description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="What it is for, who it reaches" />
        </Field>
        {create.error && !errors.name && !errors.description ? <FormAlert>{messageOf(create.error)}</FormAlert> : null}
      </form>
    </Dialog>
  );
}
