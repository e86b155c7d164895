import { BadRequestError } from "@/lib/errors";
import { redact } from "@/lib/nlp/redact";

const USAGE = 'usage: redact [--names "Ada Lovelace,Grace Hopper"] < input.txt';

/** `--names "First Last,First Last"` (or `--names=...`): the known names, comma-separated. */
export function parseRedactArgs(args: readonly string[]): { knownNames: string[] } {
  const knownNames: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const inline = arg.startsWith("--names=") ? arg.slice("--names=".length) : undefined;
    if (arg !== "--names" && inline === undefined) throw new BadRequestError(`unknown argument "${arg}"\n${USAGE}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new BadRequestError(`--names needs a value\n${USAGE}`);
    knownNames.push(
      ...value
        .split(",")
        .map((n) => n.trim())
        .filter(Boolean),
    );
  }
  return { knownNames };
}

/**
 * `aos redact`: the redaction of `input` as one JSON line, `{"text": <redacted>, "spans":
 * [{"start", "end", "type"}]}`, offsets into the input in UTF-16 code units. Needs no database.
 */
export function redactCommand(input: string, args: readonly string[]): string {
  const { text, spans } = redact(input, parseRedactArgs(args));
  return JSON.stringify({ text, spans: spans.map(({ start, end, type }) => ({ start, end, type })) });
}

/** All of standard input as UTF-8; refuses a terminal, where the command would wait for EOF. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new BadRequestError(`pipe the text to redact on standard input\n${USAGE}`);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}
