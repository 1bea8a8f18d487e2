/**
 * Instance operators: the people who run this installation, named by email in
 * PARCOURS_OPERATORS (comma-separated). Only they change what every workspace shares, such as
 * the typed columns and indexes of the profiles table; being a workspace admin is not enough.
 * The admin CLI (`npm run parcours`) runs with the database's credentials and acts as one.
 * Read per call, so a changed list applies without a restart of the check.
 */
export function operatorEmails(): Set<string> {
  const raw = process.env.PARCOURS_OPERATORS ?? "";
  return new Set(raw.split(",").map((e) => e.trim().toLowerCase()).filter(Boolean));
}

export function isOperator(user: { email: string } | null | undefined): boolean {
  return Boolean(user?.email) && operatorEmails().has(user!.email.trim().toLowerCase());
}
