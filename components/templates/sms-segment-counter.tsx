import { smsSegments } from "@/server/messaging/sms-segments";
import { cn } from "@/lib/cn";

/** Encoding, length and parts of an SMS text: a UCS-2 character (emoji, accents outside GSM-7) shrinks every part. */
export function SmsSegmentCounter({ text, className }: { text: string; className?: string }) {
  const s = smsSegments(text);
  return (
    <p data-testid="sms-segments" className={cn("flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-500 tabular-nums", className)}>
      <span className={cn("rounded px-1.5 py-0.5 font-medium", s.encoding === "GSM-7" ? "bg-emerald-50 text-emerald-700" : "bg-amber-50 text-amber-700")}>{s.encoding}</span>
      <span>{s.characters} characters</span>
      <span className={cn(s.segments > 1 && "font-medium text-zinc-800")}>{s.segments} segment{s.segments === 1 ? "" : "s"}</span>
      <span>{s.remaining} left in this segment ({s.perSegment} per segment)</span>
    </p>
  );
}
