"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Button, Dialog, useToast } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";
import { DefinitionForm, emptyDraft, type TDefinitionDraft } from "./definition-form";

/** Creates a definition, or edits `editing` when given. */
export function DefinitionDialog({ open, onClose, editing }: { open: boolean; onClose: () => void; editing: (TDefinitionDraft & { id: string }) | null }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<TDefinitionDraft>(emptyDraft);
  useEffect(() => setDraft(editing ?? emptyDraft), [editing, open]);
  const done = async () => {
    toast.success(editing ? "Event saved" : "Event created");
    await queryClient.invalidateQueries({ queryKey: trpc.events.pathKey() });
    onClose();
  };
  const create = useMutation(trpc.events.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.events.update.mutationOptions({ onSuccess: done }));
  const mutation = editing ? update : create;
  const errors = fieldErrorsOf(mutation.error);
  const submit = () => {
    const payload = { workspaceId: ws.id, ...draft, description: draft.description || undefined, condition: draft.condition || undefined };
    if (editing) update.mutate({ ...payload, definitionId: editing.id });
    else create.mutate(payload);
  };
  return (
    <Dialog
      open={open}
      onClose={() => (create.reset(), update.reset(), onClose())}
      title={editing ? `Edit “${editing.name}”` : "Define a business event"}
      description="Track calls with this name whose properties meet the condition become this event."
      className="max-w-2xl"
      footer={<><Button variant="secondary" onClick={onClose}>Cancel</Button><Button loading={mutation.isPending} onClick={submit}>{editing ? "Save" : "Create event"}</Button></>}
    >
      {mutation.error && !Object.keys(errors).length && <p role="alert" className="mb-3 text-sm text-red-600">{mutation.error.message}</p>}
      <DefinitionForm id="definition-form" draft={draft} onChange={setDraft} errors={errors} />
    </Dialog>
  );
}
