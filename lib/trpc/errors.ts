/** The per-field messages a tRPC error carries (zod issues or a domain error's field). */
export function fieldErrorsOf(error: unknown): Record<string, string | undefined> {
  const data = (error as { data?: { fieldErrors?: Record<string, string[] | undefined> } } | null)?.data;
  const out: Record<string, string | undefined> = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) out[field] = messages?.[0];
  return out;
}

export function messageOf(error: unknown): string {
  if (!error) return "";
  const fields = fieldErrorsOf(error);
  const first = Object.values(fields).find(Boolean);
  return first ?? (error as Error).message ?? "Something went wrong";
}
