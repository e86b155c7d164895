import { z } from "zod";
import { parseAllowList } from "@/lib/net/allow-list";
import { parseCidr } from "@/lib/net/address";

/**
 * The one place that reads process.env. Everything else imports `env` (typed, validated once).
 * Unset optional services select the embedded defaults: PGlite, in-process KV, in-process jobs.
 */
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const flag = <F extends boolean | undefined>(fallback: F) =>
  z
    .string()
    .optional()
    .transform((v, c): boolean | F => {
      if (v === undefined || v.trim() === "") return fallback;
      const s = v.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(s)) return true;
      if (["0", "false", "no", "off"].includes(s)) return false;
      c.addIssue({ code: "custom", message: `expected a boolean (true/false), got "${v}"` });
      return z.NEVER;
    });

/** A per-tenant budget: requests per minute. */
const perMinute = (fallback: number) => z.coerce.number().int().min(1).max(100_000).default(fallback);

/** Used when AOS_LLM_MODEL is unset. */
const DEFAULT_LLM_MODELS = { openai: "gpt-4o-mini", google: "gemini-2.0-flash" } as const;
const LLM_KEY_VARS = { openai: "OPENAI_API_KEY", google: "GOOGLE_GENERATIVE_AI_API_KEY" } as const;
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    AOS_APP_DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    AOS_DATA_DIR: z.string().default(".data"),
    AOS_ALLOW_DESTRUCTIVE_MIGRATIONS: flag(false),
    AOS_SEED_DEMO: flag(undefined),
    DEMO_MODE: flag(false),
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional()),
    NEXTAUTH_URL: optionalString.pipe(z.url({ protocol: /^https?$/, error: "expected the app's public http(s) URL" }).optional()),
    NEXT_PHASE: optionalString,
    AOS_TRUSTED_PROXIES: optionalString.transform((v, c) => {
      const entries = (v ?? "")
        .split(",")
        .map((p) => p.trim())
        .filter(Boolean);
      const bad = entries.find((entry) => !parseCidr(entry));
      if (bad === undefined) return entries.map((entry) => parseCidr(entry)!);
      c.addIssue({ code: "custom", message: `"${bad}" is not an IP address or CIDR range` });
      return z.NEVER;
    }),
    AOS_ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, "AOS_ENCRYPTION_KEY must be at least 32 characters").optional()),
    AOS_ENCRYPTION_KEYS_OLD: optionalString
      .transform((v) =>
        (v ?? "")
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().min(32, "each of AOS_ENCRYPTION_KEYS_OLD must be at least 32 characters"))),
    AOS_FILE_SOURCE_ROOTS: optionalString,
    AOS_OUTBOUND_ALLOW: optionalString.transform((v, c) => {
      try {
        return parseAllowList(v);
      } catch (error) {
        c.addIssue({ code: "custom", message: (error as Error).message });
        return z.NEVER;
      }
    }),
    API_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    MAX_UPLOAD_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(100 * 1024 * 1024),
    LOGIN_FAILURES_BEFORE_DELAY: z.coerce.number().int().min(1).max(1_000).default(10),
    LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
    AOS_RATE_LIMIT_LLM: perMinute(30),
    AOS_RATE_LIMIT_PROBE: perMinute(30),
    AOS_RATE_LIMIT_REBUILD: perMinute(10),
    AOS_RATE_LIMIT_SYNC: perMinute(30),
    AOS_RATE_LIMIT_UPLOAD: perMinute(20),
    AOS_TENANT_UPLOAD_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 ** 3),
    AOS_DUCKDB_MEMORY_LIMIT: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, "a size such as 512MB or 2GB")
      .default("512MB"),
    AOS_DUCKDB_THREADS: z.coerce.number().int().min(1).max(256).optional(),
    AOS_STORE_URL: optionalString.pipe(
      z
        .url()
        .refine((u) => u.startsWith("s3://"), "an s3:// URL (s3://bucket/prefix); leave unset for the data folder")
        .optional(),
    ),
    AOS_STORE_CACHE_BYTES: z.coerce
      .number()
      .int()
      .min(1024 * 1024)
      .default(4 * 1024 ** 3),
    AOS_STORE_S3_FORCE_PATH_STYLE: flag(false),
    AWS_REGION: optionalString,
    AWS_DEFAULT_REGION: optionalString,
    AOS_VIEW_BUILD_GRACE_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(600),
    UPSTASH_REDIS_REST_URL: optionalString.pipe(z.url().optional()),
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
    INNGEST_DEV: optionalString,
    TASKS_TENANT_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
    TASKS_RUNNER_SLOTS: z.coerce.number().int().min(1).max(64).default(4),
    TASKS_BACKOFF_BASE_MS: z.coerce.number().int().min(1).default(1_000),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
    OPENAI_API_KEY: optionalString,
    GOOGLE_GENERATIVE_AI_API_KEY: optionalString,
    AOS_LLM_PROVIDER: optionalString.pipe(z.enum(["openai", "google"]).optional()),
    AOS_LLM_MODEL: optionalString,
    AOS_LLM_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(300_000).default(DEFAULT_LLM_TIMEOUT_MS),
  })
  .superRefine((e, c) => {
    if (e.UPSTASH_REDIS_REST_URL && !e.UPSTASH_REDIS_REST_TOKEN) {
      c.addIssue({ code: "custom", path: ["UPSTASH_REDIS_REST_TOKEN"], message: "required with UPSTASH_REDIS_REST_URL" });
    }
    // `next build` runs with NODE_ENV=production too; the public URL is a run-time setting.
    if (e.NODE_ENV === "production" && !e.NEXTAUTH_URL && e.NEXT_PHASE !== "phase-production-build") {
      c.addIssue({
        code: "custom",
        path: ["NEXTAUTH_URL"],
        message:
          "required in production: the app's public URL (for example https://aos.example.com), which sign-in redirects and the cross-site request check use",
      });
    }
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !(e.AUTH_SECRET ?? e.NEXTAUTH_SECRET)) {
      c.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "required in production with a server database" });
    }
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.AOS_ENCRYPTION_KEY) {
      c.addIssue({
        code: "custom",
        path: ["AOS_ENCRYPTION_KEY"],
        message: "required in production with a server database (every server must decrypt the same credentials)",
      });
    }
    // An object store means several machines: their locks (uploads, rebuilds, syncs) must be shared.
    if (e.NODE_ENV === "production" && e.AOS_STORE_URL && !e.UPSTASH_REDIS_REST_URL) {
      c.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_URL"],
        message: "required in production with AOS_STORE_URL (machines sharing a store must share their locks)",
      });
    }
    if (e.AOS_LLM_PROVIDER && !e[LLM_KEY_VARS[e.AOS_LLM_PROVIDER]]) {
      c.addIssue({
        code: "custom",
        path: [LLM_KEY_VARS[e.AOS_LLM_PROVIDER]],
        message: `required with AOS_LLM_PROVIDER=${e.AOS_LLM_PROVIDER}`,
      });
    }
  })
  .transform((e) => ({
    nodeEnv: e.NODE_ENV,
    database: e.DATABASE_URL
      ? ({ mode: "server", url: e.DATABASE_URL, appUrl: e.AOS_APP_DATABASE_URL } as const)
      : ({ mode: "embedded", dataDir: e.AOS_DATA_DIR } as const),
    dataDir: e.AOS_DATA_DIR,
    allowDestructiveMigrations: e.AOS_ALLOW_DESTRUCTIVE_MIGRATIONS,
    /** Demo tenant seeding: on by default for the embedded database, off for a server database. */
    seedDemo: e.AOS_SEED_DEMO ?? !e.DATABASE_URL,
    /** Persona summaries answer fixed demo content, labelled demo (lib/nlp/personas/demo.ts). */
    demoMode: e.DEMO_MODE,
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET,
    /** Key for credentials at rest; unset, one is generated in the data folder. */
    encryptionKey: e.AOS_ENCRYPTION_KEY,
    /** Previous encryption keys, accepted for decryption only, until `aos rotate-key` has re-encrypted everything. */
    encryptionKeysOld: e.AOS_ENCRYPTION_KEYS_OLD,
    /** Directories file connections may read (comma-separated); uploads live in the store. */
    fileSourceRoots: (e.AOS_FILE_SOURCE_ROOTS ?? "mock_sources")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean),
    /** Internal hosts and ranges connections and webhooks may reach (lib/net/policy.ts); none by default. */
    outboundAllow: e.AOS_OUTBOUND_ALLOW,
    publicUrl: e.NEXTAUTH_URL,
    apiTokenTtlSeconds: e.API_TOKEN_TTL_SECONDS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    /** Failed sign-ins allowed per account and client address before each further attempt waits, and the longest wait. */
    signInLimits: { failuresBeforeDelay: e.LOGIN_FAILURES_BEFORE_DELAY, maxDelayMs: e.LOGIN_MAX_DELAY_SECONDS * 1000 },
    /** Proxies whose X-Forwarded-For hops are skipped when finding the client's address. */
    trustedProxies: e.AOS_TRUSTED_PROXIES,
    /** Requests per tenant per minute, by budget (lib/quotas/rate-limits.ts). */
    rateLimits: {
      llm: e.AOS_RATE_LIMIT_LLM,
      probe: e.AOS_RATE_LIMIT_PROBE,
      rebuild: e.AOS_RATE_LIMIT_REBUILD,
      sync: e.AOS_RATE_LIMIT_SYNC,
      upload: e.AOS_RATE_LIMIT_UPLOAD,
    },
    /** Total bytes of uploaded files one tenant may store. */
    tenantUploadQuotaBytes: e.AOS_TENANT_UPLOAD_QUOTA_BYTES,
    /** The process's one in-memory DuckDB (lib/duckdb/engine.ts): its memory cap and threads (default: the cores). */
    duckdb: { memoryLimit: e.AOS_DUCKDB_MEMORY_LIMIT, threads: e.AOS_DUCKDB_THREADS },
    /**
     * Where uploads, record segments and view builds live: the data folder, or S3-compatible object
     * storage (credentials, region and endpoint from the usual AWS_* variables) with a local cache
     * of at most `cacheBytes` of the immutable files read.
     */
    store: {
      url: e.AOS_STORE_URL,
      cacheBytes: e.AOS_STORE_CACHE_BYTES,
      /** Path-style bucket addressing (`endpoint/bucket/key`), which MinIO and most S3-compatible servers need. */
      forcePathStyle: e.AOS_STORE_S3_FORCE_PATH_STYLE,
      /** The SDK reads AWS_REGION only; AWS_DEFAULT_REGION is honoured too (unset: us-east-1). */
      region: e.AWS_REGION ?? e.AWS_DEFAULT_REGION,
    },
    /** How long a superseded view build's files outlive it (longer than the longest read). */
    viewBuildGraceMs: e.AOS_VIEW_BUILD_GRACE_SECONDS * 1000,
    redis: e.UPSTASH_REDIS_REST_URL
      ? ({ mode: "upstash", url: e.UPSTASH_REDIS_REST_URL, token: e.UPSTASH_REDIS_REST_TOKEN! } as const)
      : ({ mode: "memory" } as const),
    inngest: {
      eventKey: e.INNGEST_EVENT_KEY,
      signingKey: e.INNGEST_SIGNING_KEY,
      baseUrl: e.INNGEST_BASE_URL,
      dev: e.INNGEST_DEV,
    },
    tasks: { perTenantConcurrency: e.TASKS_TENANT_CONCURRENCY, runnerSlots: e.TASKS_RUNNER_SLOTS, backoffBaseMs: e.TASKS_BACKOFF_BASE_MS },
    logLevel: e.LOG_LEVEL,
    /** The language model; null without a key, and every LLM feature falls back to its deterministic path. */
    llm: selectLlm(e),
  }));

type LlmVars = {
  OPENAI_API_KEY?: string;
  GOOGLE_GENERATIVE_AI_API_KEY?: string;
  AOS_LLM_PROVIDER?: "openai" | "google";
  AOS_LLM_MODEL?: string;
  AOS_LLM_TIMEOUT_MS: number;
};

/** AOS_LLM_PROVIDER wins; otherwise whichever key is set, OpenAI first. */
function selectLlm(e: LlmVars) {
  const provider = e.AOS_LLM_PROVIDER ?? (e.OPENAI_API_KEY ? "openai" : e.GOOGLE_GENERATIVE_AI_API_KEY ? "google" : undefined);
  const apiKey = provider && e[LLM_KEY_VARS[provider]];
  if (!provider || !apiKey) return null;
  return { provider, model: e.AOS_LLM_MODEL ?? DEFAULT_LLM_MODELS[provider], apiKey, timeoutMs: e.AOS_LLM_TIMEOUT_MS };
}

export type Env = z.output<typeof EnvSchema>;

export class InvalidEnvironmentError extends Error {
  constructor(issues: string[]) {
    super(`Invalid environment configuration:\n  - ${issues.join("\n  - ")}`);
    this.name = "InvalidEnvironmentError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new InvalidEnvironmentError(parsed.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`));
  }
  return parsed.data;
}

export const env: Env = parseEnv(process.env);

// next-auth reads its URL from the environment itself. Without NEXTAUTH_URL (development only) it
// would assume http://localhost:3000; trusting the request's host instead makes sign-in and sign-out
// redirects work wherever the app is served. next-auth then reads X-Forwarded-Host first, which
// proxy.ts overwrites with the Host header, so a client cannot choose it.
if (!env.publicUrl && process.env.AUTH_TRUST_HOST === undefined) process.env.AUTH_TRUST_HOST = "true";
