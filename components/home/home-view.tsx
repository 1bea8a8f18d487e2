"use client";
import Link from "next/link";
import { Badge, Card, CardBody, CardHeader, PageHeader } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { cn } from "@/lib/cn";
import { formatDateTime, formatRelative } from "@/lib/format";
import type { homeOverview } from "@/server/home/home-overview";
import { ChannelResults } from "./channel-results";
import { HomeList, HomeRow } from "./home-lists";
import { CHANNEL_NAME, SentChart } from "./sent-chart";

type THome = Awaited<ReturnType<typeof homeOverview>>;
const rate = (n: number, of: number) => (of > 0 ? `${((n / of) * 100).toFixed(1)}%` : "—");

function Kpi({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Card className="p-4">
      <div className="text-xs font-medium uppercase tracking-wide text-zinc-500">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums tracking-tight">{value}</div>
      {detail ? <div className="text-xs text-zinc-500">{detail}</div> : null}
    </Card>
  );
}

/** The marketers' home: how messages did over a period, what runs now, what comes next, who changed what. */
export function HomeView({ firstName, home, periods }: { firstName: string; home: THome; periods: readonly number[] }) {
  const ws = useWorkspace();
  const base = `/${ws.slug}`;
  const t = home.stats.totals;
  const kinds = home.stats.byChannel.map((c) => c.kind);
  return (
    <div className="space-y-6">
      <PageHeader title={`Welcome, ${firstName}`} description={`How ${ws.name} is reaching its ${home.profiles.toLocaleString()} customers.`}
        actions={<nav className="inline-flex rounded-lg border border-zinc-200 bg-white p-0.5" aria-label="Period" data-testid="home-period">
          {periods.map((d) => <Link key={d} href={`${base}?days=${d}`} className={cn("rounded-md px-3 py-1 text-sm", d === home.stats.days ? "bg-brand-600 text-white" : "text-zinc-600 hover:bg-zinc-50")}>{d} days</Link>)}
        </nav>} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5" data-testid="home-kpis">
        <Kpi label="Messages sent" value={t.sent.toLocaleString()} detail={`${t.delivered.toLocaleString()} delivered`} />
        <Kpi label="Open rate" value={rate(t.opened, t.delivered || t.sent)} detail={`${t.opened.toLocaleString()} opened`} />
        <Kpi label="Click rate" value={rate(t.clicked, t.delivered || t.sent)} detail={`${t.clicked.toLocaleString()} clicked`} />
        <Kpi label="Conversions" value={t.converted.toLocaleString()} detail="business events within 3 days of a message" />
        <Kpi label="Unsubscribes" value={t.unsubscribed.toLocaleString()} detail={rate(t.unsubscribed, t.sent)} />
      </div>
      <Card>
        <CardHeader title="Messages sent" description={`Last ${home.stats.days} days, by channel (test sends excluded)`} />
        <CardBody className="space-y-5">
          {t.sent + t.failed + t.suppressed === 0 ? <p className="text-sm text-zinc-500">Nothing sent in this period yet. <Link className="font-medium text-brand-700" href={`${base}/campaigns/new`}>Create a campaign</Link> or publish a journey.</p> : <SentChart daily={home.stats.daily} kinds={kinds} />}
          {home.stats.byChannel.length > 0 && <ChannelResults channels={home.stats.byChannel} />}
        </CardBody>
      </Card>
      <div className="grid items-start gap-6 lg:grid-cols-2">
        <HomeList title="Live journeys" href={`${base}/journeys`} testId="home-journeys" empty="No journey is live. Try the seeded ones in test mode first.">
          {home.journeys.map((j) => <HomeRow key={j.id} href={`${base}/journeys/${j.id}`} name={j.name} detail={`${j.entered.toLocaleString()} entered`} aside={<span>{j.active.toLocaleString()} <span className="text-xs text-zinc-500">inside now</span></span>} />)}
        </HomeList>
        <HomeList title="Running campaigns" href={`${base}/campaigns`} testId="home-campaigns" empty="No campaign is running.">
          {home.campaigns.map((c) => <HomeRow key={c.id} href={`${base}/campaigns/${c.id}`} name={c.name} detail={`${CHANNEL_NAME[c.kind] ?? c.kind} · ${c.type === "api" ? "sent through the API" : c.execution_status ?? c.status}`}
            aside={c.targeted != null ? <span>{(c.processed ?? 0).toLocaleString()} <span className="text-xs text-zinc-500">of {c.targeted.toLocaleString()}</span></span> : <Badge tone="green">{c.status}</Badge>} />)}
        </HomeList>
        <HomeList title="Coming up" href={`${base}/campaigns`} testId="home-upcoming" empty="Nothing scheduled.">
          {[...home.upcoming.map((u) => <HomeRow key={`u-${u.campaignId}-${String(u.at)}`} href={`${base}/campaigns/${u.campaignId}`} name={u.name} detail={`${CHANNEL_NAME[u.kind] ?? u.kind} send`} aside={formatDateTime(u.at)} />),
            ...home.drafts.map((d) => <HomeRow key={`d-${d.id}`} href={`${base}/campaigns/${d.id}`} name={d.name} detail="Not live yet" aside={<Badge tone={d.status === "in_review" ? "amber" : "gray"}>{d.status.replace("_", " ")}</Badge>} />)]}
        </HomeList>
        <HomeList title="Audiences" href={`${base}/audiences`} testId="home-audiences" empty="No audience yet.">
          {home.audiences.map((a) => <HomeRow key={a.id} href={`${base}/audiences/${a.id}`} name={a.name} detail={a.kind === "list" ? "List" : "Rules"} aside={a.size != null ? <span>{a.size.toLocaleString()} <span className="text-xs text-zinc-500">profiles</span></span> : "—"} />)}
        </HomeList>
      </div>
      {home.activity && (
        <Card data-testid="home-activity">
          <CardHeader title="Recent activity" actions={<Link href={`${base}/settings/audit-log`} className="text-sm font-medium text-brand-700 hover:underline">Audit log</Link>} />
          <CardBody className="py-2">
            <ul className="divide-y divide-zinc-100">
              {home.activity.map((a) => (
                <li key={a.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                  <span className="min-w-0 text-zinc-700"><b className="font-medium text-zinc-900">{a.actor}</b> {a.link ? <Link href={a.link} className="hover:text-brand-700 hover:underline">{a.text}</Link> : a.text}</span>
                  <span className="shrink-0 text-xs text-zinc-400">{formatRelative(a.at)}</span>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      )}
    </div>
  );
}
