import { MyInvitations } from "@/components/team/my-invitations";
import { VerifyEmailNotice } from "@/components/team/verify-email-notice";
import { listMyInvitations } from "@/lib/tenancy/my-invitations";
import { requirePageContext } from "../page-context";

export const metadata = { title: "Invitations" };

export default async function InvitationsPage() {
  const ctx = await requirePageContext();
  const { emailVerified, invitations } = await listMyInvitations({ ctx, query: { limit: 1000 } });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">Invitations</h1>
        <p className="text-slate-600 dark:text-slate-300">Workspaces that invited your email address.</p>
      </header>
      {!emailVerified && <VerifyEmailNotice />}
      <MyInvitations
        emailVerified={emailVerified}
        invitations={invitations.map((i) => ({ id: i.id, role: i.role, tenantName: i.tenant.name, expiresAt: i.expiresAt.toISOString() }))}
      />
    </div>
  );
}
