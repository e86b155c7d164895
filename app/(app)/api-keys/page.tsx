import { ApiKeyList } from "@/components/api-keys/api-key-list";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { scopeGroups } from "@/components/api-keys/scope-groups";
import { Card } from "@/components/ui/card";
import { MUTED } from "@/components/ui/tone";
import { actorHasScope } from "@/lib/auth/actor-scope";
import { listApiKeys } from "@/lib/auth/api-keys/manage";
import { Scope } from "@/lib/auth/roles";
import { requirePageContext } from "../page-context";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const ctx = await requirePageContext();
  const canManage = actorHasScope(ctx.actor, "settings:write");
  const keys = canManage ? (await listApiKeys({ ctx, query: { limit: 200 } })).apiKeys : [];
  const grantable = Scope.options.filter((scope) => actorHasScope(ctx.actor, scope));
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">API keys</h1>
        <p className="text-slate-600 dark:text-slate-300">
          Keys let scripts and other systems call this workspace&apos;s REST API (
          <code className="font-mono text-sm">Authorization: Bearer aos_…</code>). A key may do only what its scopes allow, acts for the
          person who created it, and stops when it expires, is revoked, or that person leaves the workspace.
        </p>
      </header>
      {canManage ? (
        <>
          <Card title="Create a key">
            <CreateApiKeyForm groups={scopeGroups(grantable)} startOpen={keys.length === 0} />
          </Card>
          <section aria-labelledby="keys-heading" className="space-y-3">
            <h2 id="keys-heading" className={`text-sm font-semibold uppercase tracking-wide ${MUTED}`}>
              Keys
            </h2>
            <ApiKeyList keys={keys} now={new Date()} canManage />
          </section>
        </>
      ) : (
        <Card>
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="api-keys-not-allowed">
            Only owners and admins can see, create and revoke this workspace&apos;s API keys. Ask one of them if a program of yours needs to
            call the API.
          </p>
        </Card>
      )}
    </div>
  );
}
