import { z } from "zod";
import { Scope } from "@/lib/auth/roles";
import { MAX_NAME_LENGTH, MAX_TTL_DAYS, MAX_TTL_MS } from "@/lib/auth/api-keys/limits";
import { listOf, pageParams } from "@/lib/http/list";
import { Id, Timestamp } from "@/lib/http/wire";

/** The browser computes an expiry from its own clock: the longest one may land a little past the year. */
const CLOCK_SKEW_MS = 10 * 60 * 1000;

export const ApiKeyName = z.string().trim().min(1, "is required").max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`);

/**
 * A new key: a name, one or more scopes, and when it expires (an ISO date-time in the future, at
 * most a year away; unset, in 90 days). The check against the creator's role is the domain's.
 */
export const CreateApiKeyInput = z.object({
  name: ApiKeyName,
  scopes: z
    .array(Scope, { error: "must list scopes" })
    .min(1, "must hold at least one scope")
    .max(Scope.options.length)
    .transform((scopes) => [...new Set(scopes)]),
  expiresAt: z.iso
    .datetime({ offset: true, message: "must be an ISO 8601 date-time" })
    .transform((value) => new Date(value))
    .refine((at) => at.getTime() > Date.now(), "must be in the future")
    .refine((at) => at.getTime() <= Date.now() + MAX_TTL_MS + CLOCK_SKEW_MS, `must be at most ${MAX_TTL_DAYS} days away`)
    .optional(),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const ApiKeyParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });

export const ListApiKeysQuery = z.object(pageParams({ defaultLimit: 100, maxLimit: 200 }));
export type ListApiKeysQuery = z.infer<typeof ListApiKeysQuery>;

export const ApiKeyStatus = z.enum(["active", "expired", "revoked", "creator_left"]).meta({
  description: "`creator_left`: the person who made the key left the workspace, so it stopped working",
});
export type ApiKeyStatus = z.infer<typeof ApiKeyStatus>;

/** A key as lists show it: its prefix, never the key. */
export const ApiKeySummary = z
  .object({
    id: Id,
    name: z.string(),
    prefix: z.string().meta({ description: "The key's visible start, `aos_<prefix>_...`" }),
    scopes: z.array(Scope),
    createdBy: z.object({ id: Id, name: z.string(), email: z.string() }).nullable().meta({ description: "Null once that account is gone" }),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    lastUsedAt: Timestamp.nullable(),
    revokedAt: Timestamp.nullable(),
    status: ApiKeyStatus,
  })
  .meta({ id: "ApiKey" });
export type ApiKeySummary = z.infer<typeof ApiKeySummary>;

export const ApiKeyPage = listOf("apiKeys", ApiKeySummary);
export const CreatedApiKey = z.object({
  apiKey: ApiKeySummary,
  key: z.string().meta({ description: "The key itself, shown this once only: store it now", examples: ["aos_k3f9a2bq_..."] }),
});
