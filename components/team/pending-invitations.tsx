"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { MUTED } from "@/components/ui/tone";

export type Invitation = { id: string; email: string; role: string; expiresAt: string };

/**
 * The tenant's pending invitations (at most one per address), each resent (renewed for 7 days and
 * mailed again) or revoked. An invitation is bound to its address, not to a link: the one link,
 * to the page where invitees accept, holds no secret and may be shared anywhere.
 */
export function PendingInvitations({
  invitations,
  grantable,
  busy,
  onResend,
  onRevoke,
}: {
  invitations: Invitation[];
  grantable: readonly string[];
  busy: string | undefined;
  onResend: (invitation: Invitation) => void;
  onRevoke: (invitation: Invitation) => void;
}) {
  const [copied, setCopied] = useState(false);

  async function copyLink() {
    const url = new URL("/invitations", window.location.origin).toString();
    await navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  }

  if (invitations.length === 0) return null;
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-slate-700 dark:text-slate-300">Pending invitations ({invitations.length})</h3>
        <Button variant="secondary" onClick={copyLink} title="The page where invitees accept: it holds no secret">
          {copied ? "Link copied" : "Copy invitations link"}
        </Button>
      </div>
      <p className={`mt-1 text-xs ${MUTED}`}>
        Invitees accept at that page, signed in with the invited address. Resend mails the invitation again and renews it for 7 days.
      </p>
      <ul className="mt-2 divide-y divide-slate-100 text-sm text-slate-600 dark:divide-slate-800 dark:text-slate-300">
        {invitations.map((i) => {
          const expired = new Date(i.expiresAt).getTime() < Date.now();
          const mayManage = grantable.includes(i.role);
          return (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid="pending-invitation">
              <span className="min-w-0 [overflow-wrap:anywhere]">
                <span className="font-medium text-slate-800 dark:text-slate-200">{i.email}</span> as {i.role},{" "}
                {expired ? (
                  <span className="text-amber-700 dark:text-amber-300">expired</span>
                ) : (
                  `expires ${new Date(i.expiresAt).toLocaleDateString()}`
                )}
              </span>
              {mayManage && (
                <span className="flex shrink-0 gap-2">
                  <Button
                    variant="secondary"
                    disabled={!!busy}
                    onClick={() => onResend(i)}
                    aria-label={`Resend the invitation to ${i.email}`}
                  >
                    Resend
                  </Button>
                  <Button variant="danger" disabled={!!busy} onClick={() => onRevoke(i)} aria-label={`Revoke the invitation to ${i.email}`}>
                    Revoke
                  </Button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
