import { Badge, type BadgeTone } from "@/components/ui";
import type { TCampaignSchedule, TCampaignStatus } from "@/db/schema";

const STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "gray" },
  in_review: { label: "In review", tone: "amber" },
  approved: { label: "Approved", tone: "blue" },
  rejected: { label: "Rejected", tone: "red" },
  active: { label: "Active", tone: "green" },
  paused: { label: "Paused", tone: "amber" },
  completed: { label: "Completed", tone: "brand" },
  stopped: { label: "Stopped", tone: "gray" },
  scheduled: { label: "Scheduled", tone: "blue" },
  snapshotting: { label: "Preparing", tone: "blue" },
  sending: { label: "Sending", tone: "green" },
  failed: { label: "Failed", tone: "red" },
};

export function CampaignStatusBadge({ status }: { status: TCampaignStatus | string }) {
  const s = STATUS[status] ?? { label: status, tone: "gray" as const };
  return <Badge tone={s.tone} data-testid="campaign-status">{s.label}</Badge>;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "Daily at 09:00 (Europe/Paris) until 2026-06-30" */
export function describeSchedule(s: TCampaignSchedule | null | undefined): string {
  if (!s) return "—";
  if (s.type === "now") return "As soon as activated";
  if (s.type === "at") return `${s.at.replace("T", " at ")} (${s.timezone})`;
  if (s.type === "local") return `${s.date} at ${s.time} in each recipient's time zone`;
  const when = s.frequency === "daily" ? "Daily" : s.frequency === "weekly" ? `Weekly on ${(s.daysOfWeek ?? [1]).map((d) => DAYS[d]).join(", ")}` : `Monthly on day ${s.dayOfMonth ?? 1}`;
  return `${when} at ${s.time} (${s.timezone}) from ${s.startsOn}${s.until ? ` until ${s.until}` : ""}`;
}
