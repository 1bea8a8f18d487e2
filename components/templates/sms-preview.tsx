import { SmsSegmentCounter } from "./sms-segment-counter";

/** A phone's message thread with the text as one incoming bubble. */
export function SmsPreview({ text }: { text: string }) {
  return (
    <div className="mx-auto w-[320px] rounded-[2.2rem] border-[6px] border-zinc-800 bg-white px-3 pt-6 pb-16 shadow-lg">
      <div className="mb-4 border-b border-zinc-100 pb-3 text-center">
        <div className="mx-auto mb-1 grid size-9 place-items-center rounded-full bg-zinc-200 text-sm font-semibold text-zinc-600">P</div>
        <p className="text-xs text-zinc-500">Parcours</p>
      </div>
      <p className="mb-2 text-center text-[11px] text-zinc-400">Text Message · Today 9:41</p>
      <div data-testid="sms-preview" className="max-w-[85%] rounded-2xl rounded-bl-md bg-zinc-200 px-3 py-2 text-sm break-words whitespace-pre-wrap text-zinc-900">
        {text || "…"}
      </div>
      <SmsSegmentCounter text={text} className="mt-4 justify-center" />
    </div>
  );
}
