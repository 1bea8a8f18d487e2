import { Badge } from "@/components/ui";

export interface TJourneyStatusInfo {
  status: string;
  testMode: boolean;
  review?: string;
  draftChanged?: boolean;
  liveVersionNumber?: number | null;
}

const REVIEW: Record<string, { label: string; tone: "amber" | "blue" | "red" }> = {
  in_review: { label: "In review", tone: "amber" },
  approved: { label: "Approved", tone: "blue" },
  rejected: { label: "Rejected", tone: "red" },
};

/** Draft / Live vN / Stopped / Closed, plus Test, review state and unpublished changes. */
export function JourneyStatusBadges({ info, compact }: { info: TJourneyStatusInfo; compact?: boolean }) {
  const { status, testMode, review, draftChanged, liveVersionNumber } = info;
  const main =
    status === "live" ? <Badge tone="green">Live{liveVersionNumber ? ` v${liveVersionNumber}` : ""}</Badge>
    : status === "stopped" ? <Badge tone="red">Stopped</Badge>
    : status === "closed" ? <Badge tone="gray">Closed</Badge>
    : <Badge tone="gray">Draft</Badge>;
  const r = review ? REVIEW[review] : undefined;
  return (
    <span className="inline-flex flex-wrap items-center gap-1.5" data-testid="journey-status">
      {main}
      {testMode && <Badge tone="blue">Test</Badge>}
      {r && <Badge tone={r.tone}>{r.label}</Badge>}
      {!compact && status !== "draft" && status !== "closed" && draftChanged && <Badge tone="amber">Changes not published</Badge>}
    </span>
  );
}
