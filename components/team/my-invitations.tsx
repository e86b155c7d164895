"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { api, unwrap } from "@/lib/api/client";

type Invitation = { id: string; role: string; tenantName: string; expiresAt: string };

/** The signed-in user's pending invitations, each accepted or declined here. */
export function MyInvitations({ invitations, emailVerified }: { invitations: Invitation[]; emailVerified: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [joined, setJoined] = useState<string>();
  const [busy, setBusy] = useState<string>();

  async function answer(invitation: Invitation, verb: "accept" | "decline") {
    setError(undefined);
    setBusy(invitation.id);
    try {
      const params = { path: { id: invitation.id } };
      await unwrap(
        verb === "accept"
          ? api.POST("/api/v1/me/invitations/{id}/accept", { params })
          : api.POST("/api/v1/me/invitations/{id}/decline", { params }),
      );
      if (verb === "accept") setJoined(invitation.tenantName);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <Card title="Pending">
      <ErrorText>{error}</ErrorText>
      {joined && (
        <p role="status" className="mb-3 rounded-md bg-brand-50 p-3 text-sm dark:bg-blue-950">
          You joined {joined}. Open it with the workspace switcher in the sidebar.
        </p>
      )}
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          {emailVerified ? "No pending invitations." : "Invitations appear here once your email address is confirmed."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {invitations.map((i) => (
            <li
              key={i.id}
              className="flex flex-col items-start gap-2 py-2 sm:flex-row sm:items-center sm:justify-between"
              data-testid="invitation"
            >
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-medium">{i.tenantName}</span> as {i.role}
                <span className="text-slate-500 dark:text-slate-400"> · until {new Date(i.expiresAt).toLocaleDateString()}</span>
              </span>
              <span className="flex shrink-0 gap-2">
                <Button onClick={() => answer(i, "accept")} disabled={busy === i.id}>
                  Accept
                </Button>
                <Button variant="secondary" onClick={() => answer(i, "decline")} disabled={busy === i.id}>
                  Decline
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
