import { confirmOptIn } from "@/server/consents/double-opt-in";

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

/** A double opt-in's confirmation, from the page's button (a POST: link scanners that fetch the email's links confirm nothing). */
export async function POST(_req: Request, { params }: { params: Promise<{ token: string }> }) {
  const result = await confirmOptIn((await params).token);
  if (!result) return Response.json({ error: "This link is not valid or has expired" }, { status: 404, headers: NO_STORE });
  return Response.json(result, { headers: NO_STORE });
}
