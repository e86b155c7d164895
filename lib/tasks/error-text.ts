/**
 * A stored task error as it may be shown. Errors are stored user-safe (lib/safe-error.ts), but rows
 * written before that rule may still hold a driver message, a stack or a server path: those show
 * as an internal error instead, never as text.
 */
export function shownError(message: string | null | undefined): string | null {
  if (!message?.trim()) return null;
  if (INTERNAL.test(message)) return "An internal error stopped this task; its details are in the server log";
  return message.length > MAX ? `${message.slice(0, MAX - 1)}…` : message;
}

const MAX = 600;

/** What only internals carry: Prisma's invocation text, stack frames, absolute paths, module folders. */
const INTERNAL =
  /prisma|invocation|\n\s+at\s|\bat\s+\S+\s\(|node_modules|(^|[\s("'])\/(?:work|app|usr|home|root|tmp|var|opt|srv)\/|[A-Z]:\\|\.(?:ts|js|mjs):\d+/i;
