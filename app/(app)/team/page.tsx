import { TeamManager } from "@/components/team/team-manager";
import { VerifyEmailNotice } from "@/components/team/verify-email-notice";
import { roleHasScope } from "@/lib/auth/roles";
import { listPendingInvitations } from "@/lib/tenancy/invitations";
import { listMembers } from "@/lib/tenancy/members";
import { requireAccount, requirePageContext } from "../page-context";

export const metadata = { title: "Team" };

/** The page shows everyone: far more than any workspace holds. */
const SHOWN = { limit: 1000 };

export default async function TeamPage() {
  const ctx = await requirePageContext();
  const canManage = roleHasScope(ctx.actor.role, "members:write");
  const [account, { members }, { invitations }] = await Promise.all([
    requireAccount(),
    listMembers({ ctx, query: SHOWN }),
    canManage ? listPendingInvitations({ ctx, query: SHOWN }) : { invitations: [] },
  ]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Team</h1>
        <p className="text-slate-600 dark:text-slate-300">Who can use this workspace, and what they may do.</p>
      </header>
      {!account.user.emailVerified && <VerifyEmailNotice />}
      <TeamManager
        members={members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() }))}
        invitations={invitations.map((i) => ({ id: i.id, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString() }))}
        currentUserId={ctx.actor.userId}
        canManage={canManage}
        isOwner={roleHasScope(ctx.actor.role, "members:admin")}
      />
    </div>
  );
}
