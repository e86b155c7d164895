import { z } from "zod";

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
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    NEXTAUTH_SECRET: optionalString,
    NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
    AOS_ENCRYPTION_KEY: optionalString.pipe(z.string().min(32, "AOS_ENCRYPTION_KEY must be at least 32 characters").optional()),
    AOS_FILE_SOURCE_ROOTS: optionalString,
    API_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(900),
    MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
    MAX_UPLOAD_BYTES: z.coerce.number().int().min(1024).default(100 * 1024 * 1024),
    LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
    LOGIN_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
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
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !(e.AUTH_SECRET ?? e.NEXTAUTH_SECRET)) {
      c.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "required in production with a server database" });
    }
    if (e.NODE_ENV === "production" && e.DATABASE_URL && !e.AOS_ENCRYPTION_KEY) {
      c.addIssue({ code: "custom", path: ["AOS_ENCRYPTION_KEY"], message: "required in production with a server database (every server must decrypt the same credentials)" });
    }
    if (e.AOS_LLM_PROVIDER && !e[LLM_KEY_VARS[e.AOS_LLM_PROVIDER]]) {
      c.addIssue({ code: "custom", path: [LLM_KEY_VARS[e.AOS_LLM_PROVIDER]], message: `required with AOS_LLM_PROVIDER=${e.AOS_LLM_PROVIDER}` });
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
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET,
    /** Key for credentials at rest; unset, one is generated in the data folder. */
    encryptionKey: e.AOS_ENCRYPTION_KEY,
    /** Directories file connections may read (comma-separated); uploads always live in the data folder. */
    fileSourceRoots: (e.AOS_FILE_SOURCE_ROOTS ?? "mock_sources").split(",").map((p) => p.trim()).filter(Boolean),
    publicUrl: e.NEXTAUTH_URL,
    apiTokenTtlSeconds: e.API_TOKEN_TTL_SECONDS,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    loginRateLimit: { limit: e.LOGIN_RATE_LIMIT, windowSeconds: e.LOGIN_RATE_WINDOW_SECONDS },
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

// next-auth reads its URL from the environment itself. Without NEXTAUTH_URL it would assume
// http://localhost:3000; trusting the request's Host header instead makes sign-in and sign-out
// redirects work wherever the app is served. Set NEXTAUTH_URL in production.
if (!env.publicUrl && process.env.AUTH_TRUST_HOST === undefined) process.env.AUTH_TRUST_HOST = "true";
