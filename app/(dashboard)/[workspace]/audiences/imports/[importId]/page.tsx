import type { Metadata } from "next";
import { ImportProgress } from "./import-progress";

export const metadata: Metadata = { title: "CSV import" };

export default async function CsvImportPage({ params }: { params: Promise<{ importId: string }> }) {
  const { importId } = await params;
  return <ImportProgress importId={importId} />;
}
