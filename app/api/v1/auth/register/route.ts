import { withPublic } from "@/lib/http/route";
import { clientAddressOf } from "@/lib/auth/credentials";
import { registerAccount } from "@/lib/tenancy/register";
import { RegisterInput } from "@/lib/tenancy/schemas";

/** Creates an account and its tenant (or joins the inviting tenant with an invite token). */
export const POST = withPublic(async ({ db, body, req }) => registerAccount(db, body, clientAddressOf(req.headers)), { body: RegisterInput, status: 201 });
