"use client";
import { useState } from "react";
import { Button, Dialog, Field, Textarea } from "@/components/ui";

interface Props {
  mode: "approve" | "reject" | null;
  pending: boolean;
  onClose: () => void;
  onApprove: (comment: string) => void;
  onReject: (comment: string) => void;
}

/** An approver's verdict on a submitted journey, with a comment (required to reject). */
export function ReviewDialog({ mode, pending, onClose, onApprove, onReject }: Props) {
  const [comment, setComment] = useState("");
  return (
    <Dialog
      open={mode !== null}
      onClose={onClose}
      title={mode === "approve" ? "Approve this journey" : "Reject this journey"}
      description={mode === "approve" ? "Once approved, a manager can publish it. Any edit sends it back to review." : "Say what to change; the journey goes back to its author."}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          {mode === "approve" ? (
            <Button data-testid="confirm-approve" loading={pending} onClick={() => onApprove(comment.trim())}>Approve</Button>
          ) : (
            <Button variant="danger" data-testid="confirm-reject" loading={pending} disabled={!comment.trim()} onClick={() => onReject(comment.trim())}>Reject</Button>
          )}
        </>
      }
    >
      <Field label={mode === "approve" ? "Comment (optional)" : "Comment"} htmlFor="review-comment">
        <Textarea id="review-comment" rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </Field>
    </Dialog>
  );
}
