"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, FormAlert, Input, Spinner } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import type { TCsvColumnMapping } from "@/db/schema/audiences";
import { useTRPC } from "@/lib/trpc/client";
import { fieldErrorsOf, messageOf } from "@/lib/trpc/errors";
import { ColumnRow } from "./column-row";
import { PreviewTable } from "./preview-table";

/** The preview of an upload and its column mapping, guessed by the server and editable. */
export function MappingForm({ importId, onRestart }: { importId: string; onRestart: () => void }) {
  const ws = useWorkspace();
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery({ ...trpc.csvImports.preview.queryOptions({ workspaceId: ws.id, importId }), staleTime: Infinity });
  const [mapping, setMapping] = useState<TCsvColumnMapping[]>([]);
  const [listName, setListName] = useState("");
  useEffect(() => {
    if (!preview.data) return;
    setMapping(preview.data.mapping);
    setListName(preview.data.defaultListName);
  }, [preview.data]);
  const start = useMutation(trpc.csvImports.start.mutationOptions({ onSuccess: (r) => router.push(`/${ws.slug}/audiences/imports/${r.id}`) }));
  const errors = fieldErrorsOf(start.error);

  if (preview.isLoading) return <div className="grid place-items-center p-10"><Spinner /></div>;
  if (!preview.data) return <FormAlert>{messageOf(preview.error) || "The upload could not be read"}</FormAlert>;
  const { header, rows, fileName } = preview.data;

  function change(column: number, next: TCsvColumnMapping) {
    setMapping((all) =>
      all.map((m) => {
        if (m.column === column) return next;
        // One column identifies the profile: choosing another demotes the previous one.
        if (next.role === "identity" && m.role === "identity") return { column: m.column, header: m.header, role: "attribute", key: m.header.toLowerCase().replace(/[^a-z0-9]+/g, "_"), type: "string" };
        return m;
      }),
    );
  }

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({ workspaceId: ws.id, importId, mapping, listName });
      }}
    >
      <Card>
        <CardHeader title={`Map the columns of ${fileName}`} description="Choose the column that identifies each profile; the others become profile attributes of the type you pick, or are skipped." />
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <thead className="bg-zinc-50 text-left text-xs font-medium uppercase tracking-wide text-zinc-500">
              <tr>
                <th className="px-5 py-2">Column</th>
                <th className="px-3 py-2">Sample</th>
                <th className="px-3 py-2">Use as</th>
                <th className="px-5 py-2">Stored as</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100">
              {mapping.map((m) => (
                <ColumnRow key={m.column} mapping={m} samples={rows.map((r) => r[m.column] ?? "")} onChange={(next) => change(m.column, next)} />
              ))}
            </tbody>
          </table>
        </div>
        <CardBody className="space-y-4 border-t border-zinc-200">
          <Field label="New list" htmlFor="list-name" error={errors.listName} hint="Every imported profile is added to this new static list.">
            <Input id="list-name" value={listName} onChange={(e) => setListName(e.target.value)} invalid={Boolean(errors.listName)} className="max-w-md" />
          </Field>
          {(errors.mapping || (start.error && !errors.listName)) && <FormAlert>{errors.mapping ?? messageOf(start.error)}</FormAlert>}
        </CardBody>
        <CardFooter className="justify-between">
          <Button type="button" variant="ghost" onClick={onRestart}>Choose another file</Button>
          <Button type="submit" disabled={start.isPending}>
            <Play /> {start.isPending ? "Starting…" : "Start import"}
          </Button>
        </CardFooter>
      </Card>
      <PreviewTable header={header} rows={rows} />
    </form>
  );
}
