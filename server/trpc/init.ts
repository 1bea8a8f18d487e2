import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import { can, type TPermission, type TProcedureAccess } from "@/server/auth/permissions";
import { isOperator } from "@/server/auth/operators";
import { AppError } from "@/server/errors";
import { checkJsonValue } from "@/server/http/check-json";
import { findMembership } from "@/server/workspaces/find-membership";
import type { TContext } from "./context";

export interface TMeta {
  /** Every procedure declares who may call it; the permission test enforces this. */
  access: TProcedureAccess;
}

const t = initTRPC
  .context<TContext>()
  .meta<TMeta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const cause = error.cause;
      const fieldErrors: Record<string, string[] | undefined> | undefined =
        cause instanceof ZodError
          ? (z.flattenError(cause).fieldErrors as Record<string, string[] | undefined>)
          : cause instanceof AppError && cause.field
            ? { [cause.field]: [cause.message] }
            : undefined;
      return { ...shape, data: { ...shape.data, stack: undefined, fieldErrors } };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become the matching tRPC code with their message kept. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

/**
 * Every input, before its schema runs: nesting past MAX_JSON_DEPTH, or a string or key
 * PostgreSQL cannot store (U+0000, an unpaired surrogate), is a BAD_REQUEST naming the field.
 */
const checkInput = t.middleware(async ({ getRawInput, next }) => {
  checkJsonValue(await getRawInput(), { strings: true, name: "input" });
  return next();
});

const base = t.procedure.use(mapAppErrors).use(checkInput);

export const publicProcedure = base.meta({ access: "public" });

export const signedInProcedure = base.meta({ access: "signedIn" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  const user = ctx.user;
  return next({ ctx: { user, actor: { userId: user.id, label: user.email } } });
});

/**
 * An instance-wide change, shared by every workspace (indexes on the profiles table): only
 * for instance operators (PARCOURS_OPERATORS), whatever their workspace roles.
 */
export const operatorProcedure = signedInProcedure.meta({ access: "operator" }).use(({ ctx, next }) => {
  if (!isOperator(ctx.user)) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only an instance operator can change this: every workspace shares it (see PARCOURS_OPERATORS)" });
  }
  return next();
});

/**
 * A procedure inside a workspace: loads the caller's membership from `workspaceId` and
 * refuses callers without the permission. Non-members get NOT_FOUND, never the data.
 */
export function workspaceProcedure(permission: TPermission) {
  return signedInProcedure
    .meta({ access: permission })
    .input(z.object({ workspaceId: z.uuid("workspaceId must be a UUID") }))
    .use(async ({ ctx, input, next }) => {
      const membership = await findMembership(ctx.user.id, { id: input.workspaceId });
      if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found" });
      if (!can(membership.role, permission)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${membership.role}) cannot do this` });
      }
      return next({ ctx: { workspace: membership.workspace, role: membership.role } });
    });
}
