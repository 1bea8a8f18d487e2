"use client";
import type { TTemplateKind } from "@/server/templates/template-kinds";
import { EmailFields } from "./email-fields";
import { PushFields } from "./push-fields";
import { SmsFields } from "./sms-fields";

export interface TFieldsProps {
  content: Record<string, unknown>;
  /** The content the page opened with (the block editor is uncontrolled). */
  initial: Record<string, unknown>;
  onChange: (content: Record<string, unknown>) => void;
  errors: Record<string, string | undefined>;
}

export function TemplateFields({ kind, ...props }: TFieldsProps & { kind: TTemplateKind }) {
  if (kind === "email") return <EmailFields {...props} />;
  if (kind === "push") return <PushFields {...props} />;
  return <SmsFields {...props} />;
}
