"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button, CopyField, Dialog, Field, Input, Select } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf } from "@/lib/trpc/errors";
import { ROLE_LABELS, ROLES, type TRole } from "@/server/auth/permissions";

export function InviteDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<TRole>("manager");
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() }),
    }),
  );
  const errors = fieldErrorsOf(invite.error);
  const close = () => {
    invite.reset();
    setEmail("");
    onClose();
  };
  const link = invite.data ? `${window.location.origin}${invite.data.path}` : null;
  return (
    <Dialog
      open={open}
      onClose={close}
      title={link ? "Invite ready" : "Invite a teammate"}
      description={link ? `Send this link to ${invite.data?.invite.email}. It works once and expires in 7 days.` : "They join with the role you choose."}
      footer={
        link ? (
          <Button onClick={close}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>Cancel</Button>
            <Button type="submit" form="invite-form" loading={invite.isPending}>Create invite</Button>
          </>
        )
      }
    >
      {link ? (
        <CopyField value={link} label="Invite link" />
      ) : (
        <form
          id="invite-form"
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate({ workspaceId: workspace.id, email, role });
          }}
        >
          {invite.error && !Object.keys(errors).length && <p role="alert" className="text-sm text-red-600">{invite.error.message}</p>}
          <Field label="Email" htmlFor="invite-email" error={errors.email}>
            <Input id="invite-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} invalid={Boolean(errors.email)} />
          </Field>
          <Field label="Role" htmlFor="invite-role" hint={ROLE_LABELS[role].description}>
            <Select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as TRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>{ROLE_LABELS[r].label}</option>
              ))}
            </Select>
          </Field>
        </form>
      )}
    </Dialog>
  );
}
