"use client";
import { useMemo, useState } from "react";
import { cn } from "@/lib/cn";

const ZONES: string[] = (() => {
  const all = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return all.includes("UTC") ? all : ["UTC", ...all];
})();

const offsetOf = (zone: string) => {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone, timeZoneName: "shortOffset" }).formatToParts(new Date()).find((p) => p.type === "timeZoneName")?.value ?? "";
  } catch {
    return "";
  }
};

/** A searchable list of the IANA time zones (Intl.supportedValuesOf): type "paris" or "new york", pick one; nothing else can be entered. */
export function TimeZoneSelect({ id, value, onChange, invalid }: { id?: string; value: string; onChange: (zone: string) => void; invalid?: boolean }) {
  const [query, setQuery] = useState<string | null>(null);
  const matches = useMemo(() => {
    const q = (query ?? "").trim().toLowerCase().replace(/\s+/g, "_");
    return (q ? ZONES.filter((z) => z.toLowerCase().includes(q)) : ZONES).slice(0, 50);
  }, [query]);
  // A zone typed in full (or pasted) is chosen as it is typed.
  const typed = (text: string) => {
    setQuery(text);
    const exact = ZONES.find((z) => z.toLowerCase() === text.trim().toLowerCase());
    if (exact) onChange(exact);
  };
  const pick = (zone: string) => {
    onChange(zone);
    setQuery(null);
  };
  return (
    <div className="relative" data-testid="time-zone-select">
      <input id={id} role="combobox" aria-expanded={query !== null} aria-controls={id ? `${id}-list` : undefined} autoComplete="off"
        className={cn("h-9 w-full rounded-lg border bg-white px-3 text-sm text-zinc-900 shadow-sm outline-none focus:border-brand-500 focus:ring-2 focus:ring-brand-500/20", invalid ? "border-red-400" : "border-zinc-300")}
        value={query ?? value} placeholder="Search a city or zone" onFocus={() => setQuery("")} onChange={(e) => typed(e.target.value)}
        onBlur={() => setTimeout(() => setQuery(null), 150)} onKeyDown={(e) => { if (e.key === "Enter" && matches[0]) { e.preventDefault(); pick(matches[0]); } if (e.key === "Escape") setQuery(null); }} />
      {query !== null && (
        <ul id={id ? `${id}-list` : undefined} role="listbox" className="absolute z-30 mt-1 max-h-60 w-full overflow-y-auto rounded-lg border border-zinc-200 bg-white py-1 shadow-lg">
          {matches.length === 0 && <li className="px-3 py-2 text-sm text-zinc-500">No time zone matches “{query}”</li>}
          {matches.map((z) => (
            <li key={z} role="option" aria-selected={z === value}>
              <button type="button" className={cn("flex w-full justify-between gap-3 px-3 py-1.5 text-left text-sm hover:bg-zinc-50", z === value && "bg-brand-50 font-medium")} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(z)}>
                <span>{z.replace(/_/g, " ")}</span><span className="text-xs text-zinc-500">{offsetOf(z)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
