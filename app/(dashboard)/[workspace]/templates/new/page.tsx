import type { Metadata } from "next";
import { NewTemplatePage } from "@/components/templates/template-page";
import { TEMPLATE_KINDS, type TTemplateKind } from "@/server/templates/template-kinds";

export const metadata: Metadata = { title: "New template" };

export default async function NewTemplateRoute({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const { kind } = await searchParams;
  const chosen: TTemplateKind = (TEMPLATE_KINDS as readonly string[]).includes(kind ?? "") ? (kind as TTemplateKind) : "email";
  return <NewTemplatePage key={chosen} kind={chosen} />;
}
