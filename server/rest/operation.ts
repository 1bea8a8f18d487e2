import type { z } from "zod";
import { withWorkspace } from "@/server/api-keys/with-workspace";
import type { TKeyContext } from "@/server/api-keys/authenticate-api-key";
import type { TApiKeyKind } from "@/server/api-keys/key-format";
import { AppError } from "@/server/errors";
import { unstorableIn } from "@/server/http/check-json";
import { readJsonBody } from "@/server/http/read-json-body";

type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type TObject = z.ZodObject;
type TInput<T> = T extends z.ZodType ? z.output<T> : undefined;

/**
 * One REST operation: its OpenAPI description and its handler, from the same zod schemas.
 * The route file exports `restRoute(op)`; the document lists every operation (server/rest/index.ts).
 */
export interface TOperation<P extends TObject | undefined = TObject | undefined, Q extends TObject | undefined = TObject | undefined, B extends z.ZodType | undefined = z.ZodType | undefined, R extends z.ZodType = z.ZodType> {
  method: TMethod;
  /** The OpenAPI path, e.g. `/api/v1/campaigns/{id}`. */
  path: string;
  tag: string;
  summary: string;
  /** Markdown. */
  description?: string;
  keys: readonly TApiKeyKind[];
  params?: P;
  query?: Q;
  body?: B;
  /** The most bytes of body read (413 past it). */
  bodyLimit?: number;
  /** The component names of the request body and the response in the document. */
  bodyName?: string;
  responseName: string;
  response: R;
  status?: number;
  /** The error statuses it may answer (besides 401 and 403, which every operation may). */
  errors: number[];
  /** Examples of the answer and of the body, for the document. */
  example?: z.input<R>;
  bodyExample?: B extends z.ZodType ? z.input<B> : never;
  handler: (input: TKeyContext & { params: TInput<P>; query: TInput<Q>; body: TInput<B>; req: Request }) => Promise<z.input<R>>;
}

export function defineOperation<P extends TObject | undefined, Q extends TObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType>(op: TOperation<P, Q, B, R>): TOperation<P, Q, B, R> {
  return op;
}

/** The Next.js handler of an operation: key, then path, query and body validated (400 naming the field), then the answer serialized through its schema. */
export function restRoute(op: TOperation<any, any, any, any>) {
  return withWorkspace(
    async (req, ctx) => {
      const params = op.params ? op.params.parse(ctx.params) : undefined;
      const query = op.query ? op.query.parse(queryObject(new URL(req.url))) : undefined;
      const body = op.body ? op.body.parse(await readJsonBody(req, op.bodyLimit ?? 64 * 1024)) : undefined;
      const answer = await op.handler({ workspace: ctx.workspace, key: ctx.key, params, query, body, req });
      const served = op.response.safeParse(answer);
      // An answer its schema does not describe is this server's bug (500, logged), never the caller's 400.
      if (!served.success) throw new Error(`${op.method} ${op.path} answered outside its schema: ${served.error.message}`);
      return Response.json(served.data, { status: op.status ?? 200 });
    },
    { keys: op.keys },
  );
}

/** Query parameters as an object: a repeated name becomes an array; a value PostgreSQL cannot store is a 400 naming it. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(name);
    const problem = [name, ...all].map(unstorableIn).find(Boolean);
    if (problem) throw new AppError("BAD_REQUEST", `${name}: ${problem}`, name);
    out[name] = all.length > 1 ? all : all[0]!;
  }
  return out;
}
