"use client";
import { useState } from "react";
import { ButtonLink, FormAlert, PageHeader } from "@/components/ui";
import { useWorkspace } from "@/components/workspace/workspace-context";
import { MappingForm } from "./mapping-form";
import { RecentImports } from "./recent-imports";
import { UploadForm } from "./upload-form";

/** Upload a file, then map its columns; starting sends the user to the progress page. */
export function ImportWizard() {
  const ws = useWorkspace();
  const [importId, setImportId] = useState<string | null>(null);
  return (
    <div className="space-y-6">
      <PageHeader
        title="Import CSV"
        description="Create or update profiles from a file and collect them in a new list."
        actions={<ButtonLink variant="secondary" href={`/${ws.slug}/audiences`}>Back to audiences</ButtonLink>}
      />
      <ol className="flex gap-6 text-sm" aria-label="Steps">
        {["Upload", "Map columns", "Import"].map((label, i) => {
          const current = (importId ? 1 : 0) === i;
          return (
            <li key={label} aria-current={current ? "step" : undefined} className={current ? "font-semibold text-brand-700" : "text-zinc-500"}>
              {i + 1}. {label}
            </li>
          );
        })}
      </ol>
      {!ws.can("audiences.manage") ? (
        <FormAlert>Your role ({ws.role}) can view imports but not start one; ask an admin or a manager.</FormAlert>
      ) : importId ? (
        <MappingForm importId={importId} onRestart={() => setImportId(null)} />
      ) : (
        <>
          <UploadForm onUploaded={setImportId} />
          <RecentImports />
        </>
      )}
    </div>
  );
}
