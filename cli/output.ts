/** Prints a result as JSON (--json) or as readable lines, and errors with exit codes. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function print(json: boolean, value: unknown, human: () => string): void {
  console.log(json ? JSON.stringify(value, null, 2) : human());
}

export function fail(json: boolean, error: unknown): number {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof CliError ? error.exitCode : 1;
  if (json) console.error(JSON.stringify({ error: message }));
  else console.error(`error: ${message}`);
  return code;
}
