"use client";
import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { Check, FlaskConical, Lock, Rocket, Send, Square, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { cn } from "@/lib/cn";
import { messageOf } from "@/lib/trpc/errors";
import { useTRPC } from "@/lib/trpc/client";
import { ReviewDialog } from "./review-dialog";
import { Tooltip } from "./tooltip";

export interface TJourneyState {
  id: string;
  status: string;
  review: string;
  testMode: boolean;
  draftChanged: boolean;
  submittedById: string | null;
}

interface Props {
  journey: TJourneyState;
  approvalRequired: boolean;
  otherApprovers?: number;
  errorCount: number;
  viewerId: string | null;
  /** Saves pending edits first; false when the draft could not be saved. */
  flush: () => Promise<boolean>;
  onDone: () => void;
  onError: (e: unknown) => void;
}

/** The lifecycle buttons this role may use in this state; the server checks again. */
export function JourneyActions({ journey: j, approvalRequired, otherApprovers, errorCount, viewerId, flush, onDone, onError }: Props) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const toast = useToast();
  const [review, setReview] = useState<"approve" | "reject" | null>(null);
  const ids = { workspaceId: ws.id, journeyId: j.id };
  const opts = (done: string) => ({ onError, onSuccess: () => (toast.success(done), setReview(null), onDone()) });
  const submit = useMutation(trpc.journeys.submit.mutationOptions(opts("Submitted for review")));
  const approve = useMutation(trpc.journeys.approve.mutationOptions(opts("Journey approved")));
  const reject = useMutation(trpc.journeys.reject.mutationOptions(opts("Sent back to its author")));
  const publish = useMutation(trpc.journeys.publish.mutationOptions({ onError, onSuccess: (r) => (toast.success(`Published: version ${r.number} is live`), onDone()) }));
  const stop = useMutation(trpc.journeys.stop.mutationOptions({ onError, onSuccess: (r) => (toast.success(`Journey stopped; ${r.ended} profile${r.ended === 1 ? "" : "s"} taken out`), onDone()) }));
  const close = useMutation(trpc.journeys.close.mutationOptions(opts("Journey closed to new entries")));
  const testMode = useMutation(trpc.journeys.setTestMode.mutationOptions({ onError, onSuccess: (r) => (toast.success(r.testMode ? "Test mode on: send test profiles in" : "Test mode off"), onDone()) }));
  const saved = (run: () => void) => async () => ((await flush()) ? run() : toast.error("Save the draft first (see the save status)"));

  const manage = ws.can("journeys.manage");
  // Stopped and closed are final: nothing more is submitted or published (duplicate the journey instead).
  const open = j.status === "draft" || j.status === "live";
  const hasChanges = j.status !== "live" || j.draftChanged;
  const blocked = errorCount > 0 ? `Fix the ${errorCount} problem${errorCount > 1 ? "s" : ""} listed under Checks first.` : undefined;
  const canSubmit = manage && open && approvalRequired && hasChanges && (j.review === "none" || j.review === "rejected");
  const canPublish = manage && open && hasChanges && (!approvalRequired || j.review === "approved");
  const canReview = ws.can("journeys.approve") && j.review === "in_review";
  const ownSubmission = Boolean(viewerId && j.submittedById === viewerId);
  return (
    <div className="flex items-center gap-2">
      {manage && open && (
        <Tooltip tip={!j.testMode ? blocked : undefined}>
          <Button size="sm" variant="secondary" data-testid="action-test-mode" aria-pressed={j.testMode} disabled={testMode.isPending || (!j.testMode && Boolean(blocked))}
            onClick={saved(() => testMode.mutate({ ...ids, on: !j.testMode }))} className={cn(j.testMode && "border-sky-300 bg-sky-50 text-sky-800 hover:bg-sky-100")}>
            <FlaskConical /> {j.testMode ? "Test mode on" : "Test mode"}
          </Button>
        </Tooltip>
      )}
      {canSubmit && (
        <Tooltip tip={blocked}>
          <Button size="sm" data-testid="action-submit" disabled={Boolean(blocked) || submit.isPending} onClick={saved(() => submit.mutate(ids))}><Send /> Submit for review</Button>
        </Tooltip>
      )}
      {canReview && !ownSubmission && (
        <>
          <Button size="sm" variant="secondary" data-testid="action-reject" onClick={() => setReview("reject")}><X /> Reject</Button>
          <Button size="sm" data-testid="action-approve" onClick={() => setReview("approve")}><Check /> Approve</Button>
        </>
      )}
      {canReview && ownSubmission && <span className="text-xs text-zinc-500" data-testid="awaiting-review">Another approver reviews it</span>}
      {approvalRequired && otherApprovers === 0 && open && hasChanges && j.review !== "approved" && (
        <span className="max-w-xs text-xs text-amber-800" data-testid="no-approver">
          No one else here can approve it: <Link className="underline" href={`/${ws.slug}/settings/members`}>invite an approver</Link> or <Link className="underline" href={`/${ws.slug}/settings`}>turn approval off</Link>.
        </span>
      )}
      {canPublish && (
        <Tooltip tip={blocked} testId="publish-tooltip">
          <Button size="sm" data-testid="action-publish" disabled={Boolean(blocked) || publish.isPending} onClick={saved(() => confirm(j.status === "live" ? "Publish these changes as a new version? New entries follow it; profiles inside stay on theirs." : "Publish this journey? Profiles start entering.") && publish.mutate(ids))}>
            <Rocket /> {j.status === "live" ? "Publish changes" : "Publish"}
          </Button>
        </Tooltip>
      )}
      {manage && j.status === "live" && (
        <Button size="sm" variant="secondary" data-testid="action-stop" disabled={stop.isPending} onClick={() => confirm("Stop this journey? No one enters any more and every profile inside leaves now.") && stop.mutate(ids)}><Square /> Stop</Button>
      )}
      {manage && (j.status === "live" || j.status === "stopped") && (
        <Button size="sm" variant="secondary" data-testid="action-close" disabled={close.isPending} onClick={() => confirm("Close this journey for good? No one enters any more; profiles inside finish their way.") && close.mutate(ids)}><Lock /> Close</Button>
      )}
      <ReviewDialog mode={review} onClose={() => setReview(null)} pending={approve.isPending || reject.isPending}
        onApprove={(comment) => approve.mutate({ ...ids, comment: comment || undefined })} onReject={(comment) => reject.mutate({ ...ids, comment })} />
    </div>
  );
}
