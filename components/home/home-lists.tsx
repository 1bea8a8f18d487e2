import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardBody, CardHeader } from "@/components/ui";

/** A home page card listing a few things, with a link to all of them and a line for when there are none. */
export function HomeList({ title, href, empty, children, testId }: { title: string; href: string; empty: ReactNode; children: ReactNode[]; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader title={title} actions={<Link href={href} className="text-sm font-medium text-brand-700 hover:underline">View all</Link>} />
      <CardBody className="py-2">
        {children.length ? <ul className="divide-y divide-zinc-100">{children}</ul> : <p className="py-3 text-sm text-zinc-500">{empty}</p>}
      </CardBody>
    </Card>
  );
}

/** One row: a name (linked), a detail under it, and a number or status on the right. */
export function HomeRow({ href, name, detail, aside }: { href: string; name: string; detail?: ReactNode; aside?: ReactNode }) {
  return (
    <li className="flex items-center justify-between gap-3 py-2.5">
      <div className="min-w-0">
        <Link href={href} className="block truncate text-sm font-medium text-zinc-900 hover:text-brand-700">{name}</Link>
        {detail ? <div className="truncate text-xs text-zinc-500">{detail}</div> : null}
      </div>
      {aside ? <div className="shrink-0 text-right text-sm tabular-nums text-zinc-700">{aside}</div> : null}
    </li>
  );
}
