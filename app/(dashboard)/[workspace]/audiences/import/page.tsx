import type { Metadata } from "next";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import CSV" };

export default function ImportCsvPage() {
  return <ImportWizard />;
}
