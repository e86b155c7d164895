"use client";

import { useState } from "react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { ApiError, api, unwrap } from "@/lib/api/client";

type State = { kind: "idle" | "pending" | "done" | "signed-out" | "invalid" } | { kind: "error"; message: string };

/**
 * Confirms the signed-in account's email with the token from its link. A link the server refuses
 * (unknown, used, expired, another account's) cannot work on a retry: the page says so once, in
 * plain words, and points to where a new one is sent.
 */
export function VerifyEmailForm({ token }: { token: string }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const here = `/verify?token=${encodeURIComponent(token)}`;

  async function confirm() {
    setState({ kind: "pending" });
    try {
      await unwrap(api.POST("/api/v1/me/email/verify", { body: { token } }));
      setState({ kind: "done" });
    } catch (error) {
      // Only the link's own faults say "invalid": a server failure or a wait leaves the link worth trying again.
      if (error instanceof ApiError && error.status === 401) setState({ kind: "signed-out" });
      else if (error instanceof ApiError && error.status < 500 && error.status !== 429) setState({ kind: "invalid" });
      else setState({ kind: "error", message: error instanceof ApiError ? error.message : "The server could not be reached; try again" });
    }
  }

  return (
    <Card>
      <h1 className="mb-4 text-lg font-semibold">Confirm your email</h1>
      {state.kind === "done" ? (
        <p className="text-sm">
          Your email is confirmed.{" "}
          <Link href="/invitations" className="font-medium text-brand-600 hover:underline dark:text-blue-300">
            See your invitations
          </Link>
        </p>
      ) : state.kind === "signed-out" ? (
        <p className="text-sm">
          Sign in to the account this link was sent for, then open the link again.{" "}
          <Link
            href={`/login?callbackUrl=${encodeURIComponent(here)}`}
            className="font-medium text-brand-600 hover:underline dark:text-blue-300"
          >
            Sign in
          </Link>
        </p>
      ) : state.kind === "invalid" || !token ? (
        <p className="text-sm">
          This link is invalid, expired or already used, or was sent for another account.{" "}
          <Link href="/invitations" className="font-medium text-brand-600 hover:underline dark:text-blue-300">
            Send yourself a new link
          </Link>
        </p>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600 dark:text-slate-300">
            Confirm that this email address belongs to the account you are signed in to.
          </p>
          {state.kind === "error" && <ErrorText>{state.message}</ErrorText>}
          <Button onClick={confirm} disabled={state.kind === "pending"} className="w-full">
            {state.kind === "pending" ? "Confirming…" : "Confirm my email"}
          </Button>
        </div>
      )}
    </Card>
  );
}
