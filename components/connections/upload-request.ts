import { createFinalURL, createQuerySerializer, defaultPathSerializer } from "openapi-fetch";
import { apiErrorOf } from "@/lib/api/client";
import type { paths } from "@/lib/api/schema";

const UPLOAD = "/api/v1/aam/connections/{id}/files" satisfies keyof paths;
type Upload = paths[typeof UPLOAD]["post"];
/** The stored file, as the API answers it. */
export type UploadedFile = Upload["responses"][201]["content"]["application/json"];

/**
 * Sends a chosen file as the raw body of `POST /api/v1/aam/connections/{id}/files?name=...` and
 * reports how much of it has gone. XMLHttpRequest, not the typed client (lib/api/client.ts): fetch
 * cannot report upload progress. The path, its parameters and the answer's type still come from
 * the generated API types, and the URL is built as the client builds it, so the call stays checked
 * against the OpenAPI document. Rejects with an ApiError carrying the API's message.
 */
export function uploadFile(connectionId: string, file: File, onProgress: (sent: number) => void): Promise<UploadedFile> {
  const params: Pick<Upload["parameters"], "path" | "query"> = { path: { id: connectionId }, query: { name: file.name } };
  const url = createFinalURL(UPLOAD, {
    baseUrl: "",
    params,
    querySerializer: createQuerySerializer(),
    pathSerializer: defaultPathSerializer,
  });
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded : 0);
    xhr.onload = () => {
      const body = parsed(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadedFile);
      else reject(apiErrorOf(xhr.status, body));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted; check the connection and try again"));
    xhr.send(file);
  });
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
