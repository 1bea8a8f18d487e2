import { Bell } from "lucide-react";

/** A lock-screen notification, roughly as iOS and Android show one. */
export function PushPreview({ title, body, imageUrl, url }: { title: string; body: string; imageUrl?: string; url?: string }) {
  return (
    <div className="mx-auto w-[320px] rounded-[2.2rem] border-[6px] border-zinc-800 bg-gradient-to-b from-indigo-300 via-violet-300 to-rose-200 px-3 pt-10 pb-16 shadow-lg">
      <p className="text-center text-5xl font-light text-white/90 tabular-nums">9:41</p>
      <p className="mb-6 text-center text-xs text-white/80">Tuesday, 14 March</p>
      <div data-testid="push-preview" className="rounded-2xl bg-white/85 p-3 shadow backdrop-blur">
        <div className="mb-1 flex items-center gap-1.5 text-[11px] text-zinc-500">
          <span className="grid size-4 place-items-center rounded bg-brand-600 text-white"><Bell className="size-2.5" /></span>
          <span className="font-medium uppercase tracking-wide">Parcours</span>
          <span className="ml-auto">now</span>
        </div>
        <p className="text-sm font-semibold text-zinc-900">{title || "Title"}</p>
        <p className="line-clamp-4 text-sm whitespace-pre-line text-zinc-700">{body || "Body"}</p>
        {imageUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- any remote URL the marketer typed
          <img src={imageUrl} alt="" className="mt-2 max-h-40 w-full rounded-lg object-cover" />
        ) : null}
      </div>
      {url ? <p className="mt-3 truncate text-center text-[11px] text-white/90" title={url}>Opens {url}</p> : null}
    </div>
  );
}
