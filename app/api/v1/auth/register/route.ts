import { withPublic } from "@/lib/http/route";
import { clientAddressOf } from "@/lib/auth/credentials";
import { getKv } from "@/lib/kv";
import { enforceRateLimit } from "@/lib/kv/rate-limit";
import { registerAccount } from "@/lib/tenancy/register";
import { RegisterInput } from "@/lib/tenancy/schemas";

const REGISTRATIONS_PER_HOUR = { limit: 20, windowSeconds: 3600 };

/** Creates an account and its tenant (or joins the inviting tenant with an invite token). */
export const POST = withPublic(
  async ({ db, body, req }) => {
    await enforceRateLimit(getKv(), `register:ip:${clientAddressOf(req.headers)}`, REGISTRATIONS_PER_HOUR);
    return registerAccount(db, body);
  },
  { body: RegisterInput, status: 201 },
);
