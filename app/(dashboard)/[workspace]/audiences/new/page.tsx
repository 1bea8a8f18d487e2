import type { Metadata } from "next";
import { AudienceBuilder } from "@/components/audiences/audience-builder";
import { PageHeader } from "@/components/ui";

export const metadata: Metadata = { title: "New audience" };

export default function NewAudiencePage() {
  return (
    <div>
      <PageHeader title="New audience" description="Describe who belongs; the count updates as you edit." />
      <AudienceBuilder />
    </div>
  );
}
