"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Badge, Card, CardHeader, Table, TBody, TD, TH, THead, TR, type BadgeTone } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { formatRelative } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/client";

const TONES: Record<string, BadgeTone> = { uploaded: "gray", importing: "blue", completed: "green", failed: "red" };

/** The workspace's latest imports, each linking to its progress page. */
export function RecentImports() {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const imports = useQuery(trpc.csvImports.list.queryOptions({ workspaceId: ws.id }));
  const started = (imports.data ?? []).filter((i) => i.status !== "uploaded");
  if (!started.length) return null;
  return (
    <Card>
      <CardHeader title="Recent imports" />
      <Table>
        <THead>
          <TR>
            <TH>File</TH>
            <TH>List</TH>
            <TH>Status</TH>
            <TH className="text-right">Imported</TH>
            <TH className="text-right">Failed</TH>
            <TH>Started</TH>
          </TR>
        </THead>
        <TBody>
          {started.map((i) => (
            <TR key={i.id}>
              <TD>
                <Link className="font-medium text-brand-700 hover:underline" href={`/${ws.slug}/audiences/imports/${i.id}`}>{i.fileName}</Link>
              </TD>
              <TD>{i.audienceName ?? "—"}</TD>
              <TD><Badge tone={TONES[i.status] ?? "gray"}>{i.status}</Badge></TD>
              <TD className="text-right tabular-nums">{i.rowsImported.toLocaleString()}</TD>
              <TD className="text-right tabular-nums">{i.rowsFailed.toLocaleString()}</TD>
              <TD className="text-zinc-500">{i.startedAt ? formatRelative(i.startedAt) : "—"}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </Card>
  );
}
