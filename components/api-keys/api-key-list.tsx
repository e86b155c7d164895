import { formatDate } from "@/components/orchestration/format";
import { MUTED, SURFACE } from "@/components/ui/tone";
import type { ApiKeySummary } from "@/lib/auth/api-keys/schemas";
import { SCOPE_WORDS } from "@/lib/auth/scope-words";
import { expiryInWords, lastUsedInWords, STATUS_TONE, STATUS_WORDS } from "./format";
import { RevokeApiKeyButton } from "./revoke-api-key-button";

/** The tenant's keys, newest first: what each may do, who made it, when it expires and was last used. */
export function ApiKeyList({ keys, now, canManage }: { keys: ApiKeySummary[]; now: Date; canManage: boolean }) {
  if (keys.length === 0) {
    return (
      <p className={`p-5 text-sm ${SURFACE} ${MUTED}`} data-testid="api-keys-empty">
        No API keys yet. Keys you create appear here, with when each was last used.
      </p>
    );
  }
  return (
    <ul className="space-y-3" aria-label="API keys">
      {keys.map((k) => (
        <li key={k.id} className={`flex min-w-0 flex-col gap-3 p-4 ${SURFACE}`} data-testid="api-key">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <h3 className="break-words font-semibold">{k.name}</h3>
              <p className={`font-mono text-xs ${MUTED}`}>
                aos_{k.prefix}_<span aria-label="secret hidden">…</span>
              </p>
            </div>
            <span className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_TONE[k.status]}`}>
              {STATUS_WORDS[k.status]}
            </span>
          </div>
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className={MUTED}>Allowed</dt>
            <dd className="flex flex-wrap gap-1">
              {k.scopes.map((s) => (
                <span key={s} title={SCOPE_WORDS[s].description} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs dark:bg-slate-800">
                  {SCOPE_WORDS[s].label}
                </span>
              ))}
            </dd>
            <dt className={MUTED}>Created</dt>
            <dd className="break-words">
              {formatDate(k.createdAt)} by {k.createdBy ? k.createdBy.name : <span className={MUTED}>a deleted account</span>}
            </dd>
            <dt className={MUTED}>Expiry</dt>
            <dd>{k.revokedAt ? `Revoked on ${formatDate(k.revokedAt)}` : expiryInWords(k.expiresAt, now)}</dd>
            <dt className={MUTED}>Last used</dt>
            <dd>{lastUsedInWords(k.lastUsedAt, now)}</dd>
          </dl>
          {canManage && k.status !== "revoked" && <RevokeApiKeyButton id={k.id} name={k.name} />}
        </li>
      ))}
    </ul>
  );
}
