"use client";
import { FileUp } from "lucide-react";
import { useState } from "react";
import { Button, Card, CardBody, CardFooter, CardHeader, Field, Input } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";

/** Sends the file as the raw request body, so the server streams it to disk. */
export function UploadForm({ onUploaded }: { onUploaded: (importId: string) => void }) {
  const ws = useWorkspace();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: React.FormEvent) {
    event.preventDefault();
    if (!file) return setError("Choose a CSV file");
    if (file.size > 1024 ** 3) return setError("The file is larger than 1 GB");
    setBusy(true);
    setError(null);
    try {
      const query = new URLSearchParams({ workspaceId: ws.id, fileName: file.name });
      const res = await fetch(`/api/csv-imports?${query}`, { method: "POST", body: file, headers: { "content-type": "text/csv" } });
      const body = (await res.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null;
      if (!res.ok || !body?.id) return setError(body?.error?.message ?? `Upload failed (${res.status})`);
      onUploaded(body.id);
    } catch {
      setError("Upload failed: the connection was interrupted");
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card>
      <form onSubmit={upload}>
        <CardHeader title="Upload a file" description="A CSV with a header row; one column must identify each profile (email, external id or phone). Up to 1 GB." />
        <CardBody className="space-y-4">
          <Field label="CSV file" htmlFor="csv-file" error={error}>
            <Input id="csv-file" type="file" accept=".csv,text/csv" className="h-auto py-1.5" invalid={Boolean(error)} onChange={(e) => (setFile(e.target.files?.[0] ?? null), setError(null))} />
          </Field>
          {file && (
            <p className="text-sm text-zinc-600">
              {file.name} · {formatBytes(file.size)}
            </p>
          )}
        </CardBody>
        <CardFooter>
          <Button type="submit" disabled={busy || !file}>
            <FileUp /> {busy ? "Uploading…" : "Upload and preview"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
