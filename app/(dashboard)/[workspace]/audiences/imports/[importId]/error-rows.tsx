"use client";
import { useQuery } from "@tanstack/react-query";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { useTRPC } from "@/lib/trpc/client";

/** The first stored error rows: row number, reason and the row as it was in the file. */
export function ErrorRows({ importId, live }: { importId: string; live: boolean }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const errors = useQuery({ ...trpc.csvImports.errors.queryOptions({ workspaceId: ws.id, importId }), refetchInterval: live ? 2000 : false });
  return (
    <Table data-testid="import-errors">
      <THead>
        <TR>
          <TH className="w-20 text-right">Row</TH>
          <TH>Problem</TH>
          <TH>Row in the file</TH>
        </TR>
      </THead>
      <TBody>
        {(errors.data ?? []).map((e) => (
          <TR key={e.rowNumber}>
            <TD className="text-right tabular-nums">{e.rowNumber}</TD>
            <TD>{e.message}</TD>
            <TD><code className="block max-w-md truncate text-xs text-zinc-600">{e.raw}</code></TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
