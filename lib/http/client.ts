/** An answer other than 2xx: the API's message, and the status for callers that handle one apart (401). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/**
 * Browser-side calls to our REST API. Throws ApiError carrying the API's message. A `Blob` body
 * (a chosen file) is sent as-is with its own type; anything else as JSON.
 */
export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const raw = typeof Blob !== "undefined" && init.body instanceof Blob;
  const res = await fetch(path, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers:
      init.body === undefined
        ? undefined
        : { "content-type": raw ? (init.body as Blob).type || "application/octet-stream" : "application/json" },
    body: init.body === undefined ? undefined : raw ? (init.body as Blob) : JSON.stringify(init.body),
    credentials: "same-origin",
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(data?.error?.message ?? `Request failed (${res.status})`, res.status);
  return data as T;
}
