import { compileFast, renderFast } from "./fast-liquid";
import { renderLiquid, type TMergeScope } from "./liquid";
import type { TTrackingUrls } from "./track-links";
import { boundedMemo } from "./bounded-memo";

// The plain-text part of an email, with its links tracked like the HTML part's: each http(s)
// URL goes through the click redirect, except the unsubscribe link.

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/gi;

/** Every http(s) URL of a rendered text through the click redirect, but the unsubscribe URL. */
export function addTextTracking(text: string, urls: TTrackingUrls): string {
  if (!text.includes("://")) return text;
  return text.replace(URL_IN_TEXT, (url) => (url === urls.unsubscribe ? url : urls.click(url)));
}

/** Literal text that holds no link; a stretch without whitespace that may render one (with its merge tags compiled). */
type TPiece = { text: string } | { link: string; parts: NonNullable<ReturnType<typeof compileFast>> };

// A stretch of non-whitespace characters, a merge tag (which may hold spaces) counting as one.
const STRETCH = /(?:\{\{[\s\S]*?\}\}|\S)+/g;

/**
 * The text split once where a link may be: a URL cannot span whitespace, and whitespace in the
 * template is whitespace in every copy, so only the stretches that hold a URL or a merge tag are
 * searched in each recipient's copy, and the result is what addTextTracking gives for the whole
 * text. Null for Liquid beyond plain merge tags ({% if %}...), which is rendered whole instead.
 */
export function splitTextAtLinks(source: string): TPiece[] | null {
  if (compileFast(source) === null) return null;
  const pieces: TPiece[] = [];
  let last = 0;
  for (const match of source.matchAll(STRETCH)) {
    const stretch = match[0];
    if (!stretch.includes("{{") && !/https?:\/\//i.test(stretch)) continue;
    if (match.index > last) pieces.push({ text: source.slice(last, match.index) });
    pieces.push({ link: stretch, parts: compileFast(stretch)! });
    last = match.index + stretch.length;
  }
  if (last < source.length) pieces.push({ text: source.slice(last) });
  return pieces;
}

const splitOnce = boundedMemo(500, splitTextAtLinks);

/** The text part personalized for one recipient with its links tracked: what addTextTracking(renderLiquid(text)) gives. */
export function renderTrackedText(source: string, scope: TMergeScope, urls: TTrackingUrls): string {
  const pieces = splitOnce(source);
  if (!pieces) return addTextTracking(renderLiquid(source, scope), urls);
  let out = "";
  for (const piece of pieces) out += "text" in piece ? piece.text : addTextTracking(renderFast(piece.parts, scope, false) ?? renderLiquid(piece.link, scope), urls);
  return out;
}
