"use client";
import { Code2, LayoutTemplate } from "lucide-react";
import { Button, Textarea } from "@/components/ui";

/**
 * An email body written as raw HTML (by the API, or before the designer): edited as HTML here
 * (it is rendered only into the email and the sandboxed preview), or replaced by a design.
 */
export function HtmlBodyField({ html, onChange, onDesign, invalid }: { html: string; onChange: (html: string) => void; onDesign: () => void; invalid?: boolean }) {
  return (
    <div className="space-y-2 rounded-lg border border-zinc-200 bg-zinc-50 p-3" data-testid="html-body">
      <p className="flex items-start gap-2 text-sm text-zinc-700">
        <Code2 className="mt-0.5 size-4 shrink-0 text-zinc-500" />
        This email&apos;s body is HTML, not a design: edit the HTML below, or start a design in the editor (the HTML is replaced when you save).
      </p>
      <Textarea aria-label="Email HTML" className="font-mono text-xs" rows={12} invalid={invalid} value={html} onChange={(e) => onChange(e.target.value)} />
      <Button variant="secondary" size="sm" onClick={() => confirm("Replace this HTML with a new design when you save?") && onDesign()}><LayoutTemplate className="size-4" /> Design it in the editor</Button>
    </div>
  );
}
