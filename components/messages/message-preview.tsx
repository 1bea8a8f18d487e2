"use client";
import { Bell } from "lucide-react";
import { useState } from "react";
import { cn } from "@/lib/cn";
import { previewHtml } from "./preview-html";

/** A rendered message as the recipient sees it: an email in a sandboxed frame, a notification, a text bubble. */
export function MessagePreview({ kind, content }: { kind: string; content: Record<string, unknown> | null }) {
  const [width, setWidth] = useState<"desktop" | "mobile">("desktop");
  const [asText, setAsText] = useState(false);
  if (!content) return <p className="p-5 text-sm text-zinc-500">Not rendered (held back before rendering).</p>;
  const text = (k: string) => (typeof content[k] === "string" ? (content[k] as string) : "");
  if (kind === "email") {
    return (
      <div className="space-y-3 p-4">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="min-w-0 text-sm"><span className="text-zinc-500">Subject </span><span className="font-medium text-zinc-900" data-testid="preview-subject">{text("subject")}</span></div>
          <div className="flex gap-1 text-xs">
            {(["desktop", "mobile"] as const).map((w) => <button key={w} type="button" onClick={() => (setWidth(w), setAsText(false))} className={cn("rounded-md px-2 py-1", width === w && !asText ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100")}>{w === "desktop" ? "Desktop" : "Mobile"}</button>)}
            <button type="button" onClick={() => setAsText(true)} className={cn("rounded-md px-2 py-1", asText ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100")}>Plain text</button>
          </div>
        </div>
        {asText ? (
          <pre className="max-h-[560px] overflow-auto rounded-lg bg-zinc-50 p-4 text-xs whitespace-pre-wrap text-zinc-700 ring-1 ring-zinc-200">{text("text")}</pre>
        ) : (
          <div className="flex justify-center rounded-lg bg-zinc-100 p-3">
            <iframe title="Email preview" sandbox="" srcDoc={previewHtml(text("html"))} className={cn("h-[560px] rounded-md bg-white shadow-sm", width === "desktop" ? "w-full" : "w-[375px]")} data-testid="email-frame" />
          </div>
        )}
      </div>
    );
  }
  if (kind === "push") {
    return (
      <div className="flex justify-center bg-gradient-to-b from-zinc-800 to-zinc-900 p-8">
        <div className="w-80 rounded-2xl bg-white/90 p-3 shadow-lg backdrop-blur">
          <div className="flex items-center gap-2 text-[11px] text-zinc-500"><Bell className="size-3.5" /> Notification · now</div>
          <div className="mt-1 text-sm font-semibold text-zinc-900">{text("title")}</div>
          <div className="text-sm text-zinc-700">{text("body")}</div>
          {text("imageUrl") && <div className="mt-2 truncate text-xs text-zinc-400">image: {text("imageUrl")}</div>}
        </div>
      </div>
    );
  }
  if (kind === "sms") {
    return (
      <div className="flex justify-center bg-zinc-50 p-8">
        <div className="w-72 rounded-[2rem] border border-zinc-200 bg-white p-4 shadow-sm">
          <div className="max-w-[85%] rounded-2xl rounded-bl-sm bg-zinc-100 px-3 py-2 text-sm whitespace-pre-wrap text-zinc-900">{text("text")}</div>
        </div>
      </div>
    );
  }
  return <pre className="overflow-auto p-4 text-xs text-zinc-700">{JSON.stringify(content, null, 2)}</pre>;
}
