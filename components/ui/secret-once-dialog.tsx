"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { CopyField } from "./copy-field";
import { Dialog } from "./dialog";

interface SecretOnceDialogProps {
  open: boolean;
  onClose: () => void;
  /** The form's title, then the title once the secret is shown. */
  title: string;
  secretTitle: string;
  secretDescription: string;
  /** Set once created: the secret, shown this one time. */
  secret: { value: string; label: string } | null;
  formId: string;
  submitLabel: string;
  pending: boolean;
  /** The form (with id `formId`), shown until the secret exists. */
  children: ReactNode;
}

/** A create form whose answer is a secret shown only once (API keys, webhook signing secrets). */
export function SecretOnceDialog({ open, onClose, title, secretTitle, secretDescription, secret, formId, submitLabel, pending, children }: SecretOnceDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={secret ? secretTitle : title}
      description={secret ? secretDescription : undefined}
      footer={
        secret ? (
          <Button onClick={onClose}>I have copied it</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={onClose}>Cancel</Button>
            <Button type="submit" form={formId} loading={pending}>{submitLabel}</Button>
          </>
        )
      }
    >
      {secret ? <CopyField value={secret.value} label={secret.label} /> : children}
    </Dialog>
  );
}
