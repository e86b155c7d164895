/**
 * Sends a chosen file as the raw body of `POST /api/v1/aam/connections/{id}/files?name=...` and
 * reports how much of it has gone. XMLHttpRequest, not `apiFetch`: fetch cannot report upload
 * progress. Rejects with the API's message.
 */
export function uploadFile(connectionId: string, file: File, onProgress: (sent: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1/aam/connections/${connectionId}/files?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("content-type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (e) => onProgress(e.lengthComputable ? e.loaded : 0);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      reject(new Error(messageOf(xhr.responseText) ?? `The upload failed (${xhr.status})`));
    };
    xhr.onerror = () => reject(new Error("The upload was interrupted; check the connection and try again"));
    xhr.send(file);
  });
}

function messageOf(body: string): string | null {
  try {
    const message = (JSON.parse(body) as { error?: { message?: unknown } }).error?.message;
    return typeof message === "string" ? message : null;
  } catch {
    return null;
  }
}
