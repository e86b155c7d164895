import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { getAuthSecret } from "@/lib/auth/secret";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { safeCallbackPath } from "@/lib/http/callback-path";
import { clientAddressOf } from "@/lib/http/client-address";
import { Credentials, SwitchTenantInput } from "@/lib/tenancy/schemas";
import { findUserTenant } from "@/lib/tenancy/user-tenants";
import { log } from "@/lib/log";

const SESSION_MAX_AGE_SECONDS = 8 * 3600;

let options: Promise<NextAuthOptions> | undefined;

/** next-auth v4, JWT sessions, one credentials provider. The token carries user and tenant ids. */
export function getAuthOptions(): Promise<NextAuthOptions> {
  options ??= getAuthSecret().then((secret) => ({
    secret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw, req) {
          const parsed = Credentials.safeParse(raw);
          if (!parsed.success) return null;
          const headers = new Headers(req?.headers as Record<string, string> | undefined);
          try {
            const user = await authenticateWithPassword(await getDb(), parsed.data, clientAddressOf(headers));
            return { id: user.userId, email: user.email, name: user.name, tenantId: user.tenantId };
          } catch (error) {
            // next-auth shows thrown messages on the sign-in page; ours are safe to show.
            if (error instanceof DomainError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      /** Only paths on this site: an absolute or protocol-relative callbackUrl elsewhere lands on the default page. */
      async redirect({ url, baseUrl }) {
        return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
      },
      /**
       * Sign-in puts the user and their oldest membership's tenant in the token. A switch
       * (`update({ tenantId })` from the client) takes effect only when the user is a member of that
       * tenant; otherwise the token keeps its tenant (throwing here would sign the user out).
       */
      async jwt({ token, user, trigger, session }) {
        if (user) {
          token.uid = user.id;
          token.tid = (user as { tenantId?: string }).tenantId;
        }
        if (trigger === "update" && typeof token.uid === "string") {
          const tenantId = await switchableTenant(token.uid, session);
          if (tenantId) token.tid = tenantId;
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, userId: token.uid as string, tenantId: token.tid as string };
      },
    },
  }));
  return options;
}

/** The tenant a session update asks for, when the user is a member of it; null otherwise. */
async function switchableTenant(userId: string, update: unknown): Promise<string | null> {
  const input = SwitchTenantInput.safeParse(update);
  if (!input.success) return null;
  const tenant = await findUserTenant(await getDb(), userId, input.data.tenantId);
  if (!tenant) log.warn("tenant switch refused: not a member", { userId, tenantId: input.data.tenantId });
  return tenant?.id ?? null;
}
