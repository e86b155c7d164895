import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { getAuthSecret } from "@/lib/auth/secret";
import { authenticateWithPassword, clientAddressOf } from "@/lib/auth/credentials";
import { Credentials } from "@/lib/tenancy/schemas";

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
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.tid = (user as { tenantId?: string }).tenantId;
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
