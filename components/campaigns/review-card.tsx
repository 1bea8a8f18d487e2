"use client";
import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatDateTime } from "@/lib/format";

const LIVE = ["active", "paused", "completed", "stopped"];

export type TReviewed = {
  status: string;
  approvalRequired: boolean;
  otherApprovers: number;
  submittedAt: Date | string | null;
  submittedBy: string | null;
  submittedByYou: boolean;
  reviewedAt: Date | string | null;
  reviewedBy: string | null;
  reviewComment: string | null;
};

/** The status line under a campaign's name: never "approval required" beside a campaign that is live. */
export function approvalLine(c: TReviewed): string {
  if (LIVE.includes(c.status)) return c.reviewedAt ? "Approved, then activated" : "Went live without a review";
  return c.approvalRequired ? "Approval required before activation" : "Approval is off in this workspace";
}

/** Who submitted and reviewed; and, when no one else can approve, what to do about it. */
export function ReviewCard({ c }: { c: TReviewed }) {
  const ws = useWorkspace();
  const waiting = c.approvalRequired && ["draft", "rejected", "in_review"].includes(c.status);
  const stuck = waiting && c.otherApprovers === 0;
  return (
    <Card>
      <CardHeader title="Review" />
      <CardBody className="space-y-1.5 text-sm text-zinc-700" data-testid="review-info">
        {c.submittedAt ? <p>Submitted by <strong>{c.submittedBy ?? "a former member"}</strong> {formatDateTime(c.submittedAt)}{c.submittedByYou ? " (you)" : ""}.</p> : null}
        {!c.submittedAt && LIVE.includes(c.status) ? <p>Activated without a review: approval was off when it went live.</p> : null}
        {!c.submittedAt && !LIVE.includes(c.status) ? <p>{c.approvalRequired ? "Not submitted yet: submit it, an approver approves it, then you can activate it." : "No review needed: activate it when it is ready."}</p> : null}
        {c.reviewedAt ? <p>{c.status === "rejected" ? "Rejected" : "Approved"} by <strong>{c.reviewedBy ?? "a former member"}</strong> {formatDateTime(c.reviewedAt)}.</p> : null}
        {c.reviewComment ? <blockquote className="border-l-2 border-zinc-300 pl-3 text-zinc-600">{c.reviewComment}</blockquote> : null}
        {c.submittedByYou && c.status === "in_review" && !stuck ? <p className="text-amber-800">You submitted it: another approver must review it.</p> : null}
        {stuck ? (
          <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-amber-900" data-testid="no-approver">
            <p className="font-medium">No one else in this workspace can approve it.</p>
            <p className="mt-1">Whoever submits a campaign never approves it. <Link className="font-medium underline" href={`/${ws.slug}/settings/members`}>Invite an approver</Link>, or <Link className="font-medium underline" href={`/${ws.slug}/settings`}>turn approval off</Link> (Settings → General) and activate it yourself.</p>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
