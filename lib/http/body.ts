import { BadRequestError, PayloadTooLargeError, UnsupportedMediaTypeError } from "@/lib/errors";

/**
 * Reads a JSON body, refusing more than `limitBytes` without buffering past the limit.
 * An empty body reads as undefined, so the route's schema decides whether that is allowed.
 */
export async function readJsonBody(req: Request, limitBytes: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) throw new PayloadTooLargeError(limitBytes);
  if (!req.body) return undefined;

  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limitBytes) {
      await reader.cancel().catch(() => {});
      throw new PayloadTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;

  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaTypeError();
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BadRequestError("Request body is not valid UTF-8");
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BadRequestError(`Malformed JSON: ${(error as Error).message}`);
  }
}
