"use client";
import { formatDateTime } from "@/lib/format";
import { upcomingOccurrences } from "@/server/campaigns/schedule";
import { describeSchedule } from "./campaign-status";
import type { TCampaignDraft } from "./campaign-form";

const KIND: Record<string, string> = { email: "Email", push: "Push", sms: "SMS" };

/** The summary the wizard ends on: what, to whom, through what, and the next send times. */
export function CampaignReview({ draft, audienceName, configurationName }: { draft: TCampaignDraft; audienceName?: string; configurationName?: string }) {
  const subject = (draft.content.subject ?? draft.content.title ?? draft.content.text) as string | undefined;
  let upcoming: Date[] = [];
  try {
    upcoming = upcomingOccurrences(draft.schedule, new Date(), 3);
  } catch {
    upcoming = [];
  }
  if (draft.type === "api") {
    return <ReviewRows rows={[["Name", draft.name || "—"], ["Sent", `By your server, one recipient per call (${draft.apiMode})`], ["Channel", `${KIND[draft.kind]} · ${configurationName ?? "default configuration"}`], ["Message", subject ? String(subject).slice(0, 120) : "—"]]} />;
  }
  const rows: [string, string][] = [
    ["Name", draft.name || "—"],
    ["Audience", audienceName ?? "—"],
    ["Channel", `${KIND[draft.kind]} · ${configurationName ?? "default configuration"}`],
    ["Message", subject ? String(subject).slice(0, 120) : "—"],
    ["Schedule", describeSchedule(draft.schedule)],
    ["Next sends", draft.schedule.type === "now" ? "When activated" : draft.schedule.type === "local" && upcoming.length ? `Starts ${formatDateTime(upcoming[0]!)} (the first zone to reach the time), then each zone at its own` : upcoming.length ? upcoming.map((d) => formatDateTime(d)).join(" · ") : "None: pick a time in the future"],
    ["Rate", draft.ratePerSecond ? `${draft.ratePerSecond} messages/s` : "As fast as the channel allows"],
    ["Frequency caps", draft.capExempt ? "Exempt: sent whatever the caps" : "Apply"],
    ...(draft.seedAddresses?.length && draft.kind !== "push" ? [["Seed copies", draft.seedAddresses.join(", ")] as [string, string]] : []),
  ];
  return <ReviewRows rows={rows} />;
}

function ReviewRows({ rows }: { rows: [string, string][] }) {
  return (
    <dl className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 text-sm" data-testid="campaign-review">
      {rows.map(([k, v]) => (
        <div key={k} className="grid grid-cols-[8rem_1fr] gap-3 px-3 py-2">
          <dt className="text-zinc-500">{k}</dt>
          <dd className="text-zinc-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
