import type { Metadata } from "next";
import { TemplatePage } from "@/components/templates/template-page";

export const metadata: Metadata = { title: "Template" };

export default async function TemplateRoute({ params }: { params: Promise<{ templateId: string }> }) {
  const { templateId } = await params;
  return <TemplatePage templateId={templateId} />;
}
