import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { AppError } from "@/server/errors";
import { isOperator } from "./operators";
import { hashPassword, ZPassword } from "./passwords";

export const ZSignUp = z.object({
  name: z.string().trim().min(1, "Name is required").max(80, "Name must be at most 80 characters"),
  email: z.email("Enter a valid email address").trim().toLowerCase(),
  password: ZPassword,
});

export async function signUpUser(input: z.infer<typeof ZSignUp>) {
  const db = await getDb();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", "email");
  // Sign-up proves no ownership of the address: an operator's account is made with the CLI or a verified sign-in.
  if (isOperator(input)) throw new AppError("FORBIDDEN", "This address belongs to an operator of this installation: create its account with the admin CLI", "email");
  const [user] = await db
    .insert(users)
    .values({ name: input.name, email: input.email, passwordHash: await hashPassword(input.password) })
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) throw new Error("insert returned no row");
  return user;
}
