import type { Metadata } from "next";
import { FunctionsCard } from "@/components/runs/functions-card";
import { RunsSummary } from "@/components/runs/runs-summary";
import { RunsTable } from "@/components/runs/runs-table";

export const metadata: Metadata = { title: "Workflow runs" };

export default function RunsPage() {
  return (
    <div className="space-y-6">
      <RunsSummary />
      <FunctionsCard />
      <RunsTable />
    </div>
  );
}
