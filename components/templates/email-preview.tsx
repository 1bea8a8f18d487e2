"use client";
import { Monitor, Smartphone, TriangleAlert } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { cn } from "@/lib/cn";

const WIDTHS = { desktop: 640, mobile: 375 } as const;
const HEIGHT = 640;
/** Gmail shows only the first 102 KB of an email's HTML. */
export const GMAIL_CLIP_KB = 102;

/**
 * The rendered email in a sandboxed frame (no scripts, no same-origin), laid out at a real
 * desktop or phone width and scaled down when the pane is narrower, so the layout is true.
 */
export function EmailPreview({ subject, html }: { subject: string; html: string }) {
  const [device, setDevice] = useState<keyof typeof WIDTHS>("desktop");
  const stage = useRef<HTMLDivElement>(null);
  const [room, setRoom] = useState<number>(WIDTHS.desktop);
  useEffect(() => {
    const el = stage.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setRoom(entry!.contentRect.width));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const width = WIDTHS[device];
  const scale = Math.min(1, room / width);
  const preheader = preheaderOf(html);
  const kb = Math.round(new TextEncoder().encode(html).length / 102.4) / 10;
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-3">
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-zinc-900" data-testid="preview-subject">{subject || "(no subject)"}</p>
          {preheader ? <p className="truncate text-xs text-zinc-500">{preheader}</p> : null}
        </div>
        <div role="group" aria-label="Preview width" className="flex shrink-0 rounded-lg border border-zinc-200 bg-white p-0.5">
          {(["desktop", "mobile"] as const).map((d) => {
            const Icon = d === "desktop" ? Monitor : Smartphone;
            return (
              <button
                key={d}
                type="button"
                aria-pressed={device === d}
                onClick={() => setDevice(d)}
                className={cn("inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-xs font-medium capitalize", device === d ? "bg-brand-50 text-brand-700" : "text-zinc-500 hover:text-zinc-800")}
              >
                <Icon className="size-3.5" /> {d}
              </button>
            );
          })}
        </div>
      </div>
      {kb > GMAIL_CLIP_KB ? (
        <p role="alert" data-testid="gmail-clip-warning" className="flex items-start gap-2 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-800">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" /> This email is {kb} KB of HTML: Gmail clips messages over {GMAIL_CLIP_KB} KB behind a &quot;View entire message&quot; link (and hides the open pixel). Shorten it or move custom HTML out.
        </p>
      ) : null}
      <div className="rounded-lg bg-zinc-100 p-4">
        <div ref={stage} className="flex justify-center">
          <div style={{ width: width * scale, height: HEIGHT * scale }} className="shrink-0">
            <iframe
              title="Email preview"
              sandbox=""
              srcDoc={html}
              style={{ width, height: HEIGHT, transform: `scale(${scale})`, transformOrigin: "top left" }}
              className={cn("block border border-zinc-200 bg-white shadow-sm", device === "mobile" ? "rounded-[1.75rem] border-[6px] border-zinc-800" : "rounded-md")}
            />
          </div>
        </div>
        {scale < 1 ? <p className="mt-2 text-center text-[11px] text-zinc-400">{width} px wide, shown at {Math.round(scale * 100)}%</p> : null}
      </div>
    </div>
  );
}

// react-email's hidden preview block: the inbox shows it after the subject.
function preheaderOf(html: string): string | undefined {
  const match = /data-skip-in-text="true">([^<]*)/.exec(html);
  return match?.[1]?.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").trim() || undefined;
}
