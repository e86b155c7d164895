import { env } from "@/lib/env";

/** Structured JSON logs on stdout/stderr, one line per event. */
const levels = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof levels;

function write(level: Level, msg: string, fields?: Record<string, unknown>) {
  if (levels[level] < levels[env.logLevel]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...fields }, errorReplacer);
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}

function errorReplacer(_key: string, value: unknown) {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write("debug", msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write("info", msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write("warn", msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write("error", msg, fields),
};
