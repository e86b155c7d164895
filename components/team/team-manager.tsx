"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card, ErrorText } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { api, unwrap } from "@/lib/api/client";
import type { Role } from "@/lib/auth/roles";
import { PendingInvitations, type Invitation } from "./pending-invitations";

type Member = { userId: string; email: string; name: string; role: string; joinedAt: string };
const ROLES: readonly Role[] = ["owner", "admin", "member", "viewer"];

export function TeamManager(props: {
  members: Member[];
  invitations: Invitation[];
  currentUserId: string;
  canManage: boolean;
  isOwner: boolean;
}) {
  const router = useRouter();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; near: "members" | "invitations" }>();
  const [busy, setBusy] = useState<string>();
  const grantable = props.isOwner ? ROLES : ROLES.filter((r) => r === "member" || r === "viewer");

  /** One change at a time; on success says what happened (next to the list it changed) and reloads the lists. */
  async function run(key: string, near: "members" | "invitations", action: () => Promise<string>): Promise<boolean> {
    setError(undefined);
    setNotice(undefined);
    setBusy(key);
    try {
      setNotice({ text: await action(), near });
      router.refresh();
      return true;
    } catch (e) {
      setError((e as Error).message);
      return false;
    } finally {
      setBusy(undefined);
    }
  }

  /** Inviting an address again renews its one pending invitation; the answer says which happened. */
  const invite = (email: string, role: Role, resend = false) =>
    run(`invite:${email}`, "invitations", async () => {
      // The one pending invitation of the address, new or renewed.
      const { invitation } = await unwrap(api.POST("/api/v1/tenant/members", { body: { email, role } }));
      if (resend) return `Sent the invitation to ${invitation.email} again; it is valid for 7 more days.`;
      return invitation.renewed
        ? `${invitation.email} already had a pending invitation: it was renewed for 7 days as ${role} and sent again. They accept it at ${invitation.acceptUrl}`
        : `Invitation sent to ${invitation.email}. They accept it at ${invitation.acceptUrl}`;
    });

  async function onInvite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    if (await invite(String(form.get("email") ?? ""), (form.get("role") ?? "member") as Role)) formEl.reset();
  }

  return (
    <div className="space-y-6">
      <ErrorText>{error}</ErrorText>
      <Card title="Members">
        <table className="block w-full text-left text-sm sm:table">
          <thead className="sr-only text-slate-500 sm:not-sr-only sm:table-header-group dark:text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Member
              </th>
              <th scope="col" className="pr-3 font-medium">
                Role
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="block sm:table-row-group">
            {props.members.map((m) => {
              const manageable = props.canManage && m.userId !== props.currentUserId;
              return (
                <tr
                  key={m.userId}
                  className="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-slate-100 py-2 sm:table-row dark:border-slate-800"
                  data-testid="member"
                >
                  <td className="block min-w-0 basis-full sm:table-cell sm:py-2 sm:pr-3">
                    <div className="font-medium">
                      {m.name}
                      {m.userId === props.currentUserId && <span className="font-normal text-slate-500 dark:text-slate-400"> (you)</span>}
                    </div>
                    <div className="text-slate-500 [overflow-wrap:anywhere] dark:text-slate-400">{m.email}</div>
                  </td>
                  <td className="block sm:table-cell sm:pr-3">
                    {manageable ? (
                      <select
                        aria-label={`Role of ${m.email}`}
                        defaultValue={m.role}
                        disabled={!!busy}
                        className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
                        onChange={(e) => {
                          const role = e.target.value as Role;
                          return run(`role:${m.userId}`, "members", async () => {
                            await unwrap(
                              api.PATCH("/api/v1/tenant/members/{userId}", { params: { path: { userId: m.userId } }, body: { role } }),
                            );
                            return `${m.email} is now ${role}.`;
                          });
                        }}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r} disabled={!grantable.includes(r)}>
                            {r}
                          </option>
                        ))}
                      </select>
                    ) : (
                      m.role
                    )}
                  </td>
                  <td className="block sm:table-cell sm:text-right">
                    {manageable && (
                      <Button
                        variant="danger"
                        disabled={!!busy}
                        aria-label={`Remove ${m.email}`}
                        onClick={() =>
                          run(`remove:${m.userId}`, "members", async () => {
                            await unwrap(api.DELETE("/api/v1/tenant/members/{userId}", { params: { path: { userId: m.userId } } }));
                            return `Removed ${m.email} from this workspace.`;
                          })
                        }
                      >
                        Remove
                      </Button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {notice?.near === "members" && <Notice text={notice.text} />}
      </Card>
      {props.canManage && (
        <Card title="Invite a member">
          <form onSubmit={onInvite} className="flex flex-wrap items-end gap-3">
            <div className="min-w-0 flex-1 basis-64">
              <Field label="Email" id="email" type="email" required />
            </div>
            <div>
              <label htmlFor="invite-role" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
                Role
              </label>
              <select
                id="invite-role"
                name="role"
                defaultValue="member"
                className="mt-1 block rounded-md border border-slate-300 px-3 py-2 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
              >
                {grantable.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" disabled={!!busy}>
              Invite
            </Button>
          </form>
          <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">
            Everyone is invited, valid for 7 days: they join when they accept it, signed in with that address after confirming it. An
            address has at most one pending invitation: inviting it again renews that one.
          </p>
          {notice?.near === "invitations" && <Notice text={notice.text} />}
          <PendingInvitations
            invitations={props.invitations}
            grantable={grantable}
            busy={busy}
            onResend={(i) => invite(i.email, i.role as Role, true)}
            onRevoke={(i) =>
              run(`revoke:${i.id}`, "invitations", async () => {
                await unwrap(api.DELETE("/api/v1/tenant/invitations/{id}", { params: { path: { id: i.id } } }));
                return `Revoked the invitation to ${i.email}; it can no longer be accepted.`;
              })
            }
          />
        </Card>
      )}
    </div>
  );
}

function Notice({ text }: { text: string }) {
  return (
    <p role="status" className="mt-3 rounded-md bg-brand-50 p-3 text-sm [overflow-wrap:anywhere] dark:bg-blue-950">
      {text}
    </p>
  );
}
