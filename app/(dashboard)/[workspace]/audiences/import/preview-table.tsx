import { Card, CardHeader } from "@/components/ui";

/** The first rows of the file as uploaded. */
export function PreviewTable({ header, rows }: { header: string[]; rows: string[][] }) {
  return (
    <Card>
      <CardHeader title="Preview" description={`The first ${rows.length} rows of the file.`} />
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-testid="csv-preview">
          <thead className="bg-zinc-50 text-left text-xs font-medium text-zinc-500">
            <tr>
              <th className="px-3 py-2 text-right">#</th>
              {header.map((h, i) => <th key={i} className="whitespace-nowrap px-3 py-2">{h}</th>)}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100">
            {rows.map((row, r) => (
              <tr key={r}>
                <td className="px-3 py-1.5 text-right tabular-nums text-zinc-400">{r + 2}</td>
                {header.map((_, c) => <td key={c} className="max-w-56 truncate whitespace-nowrap px-3 py-1.5 text-zinc-700">{row[c] ?? ""}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
