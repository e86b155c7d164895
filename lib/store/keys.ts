import { z } from "zod";

const Id = z.uuid();
const id = (value: string) => Id.parse(value);

/**
 * Object keys are built here only, from ids the platform generated, never from names a tenant
 * chose: `<tenant>/<kind>/...`. Every key passes `checkKey` before it reaches the disk or a bucket.
 */
export const storeKeys = {
  records: (tenantId: string) => `${id(tenantId)}/records/`,
  connectionRecords: (tenantId: string, connectionId: string) => `${id(tenantId)}/records/${id(connectionId)}/`,
  segment: (s: { tenantId: string; connectionId: string; streamId: string; segmentId: string }) =>
    `${id(s.tenantId)}/records/${id(s.connectionId)}/${id(s.streamId)}/${id(s.segmentId)}.parquet`,
  views: (tenantId: string) => `${id(tenantId)}/views/`,
  uploads: (tenantId: string) => `${id(tenantId)}/uploads/`,
  connectionUploads: (tenantId: string, connectionId: string) => `${id(tenantId)}/uploads/${id(connectionId)}/`,
  upload: (u: { tenantId: string; connectionId: string; uploadId: string }) =>
    `${id(u.tenantId)}/uploads/${id(u.connectionId)}/${id(u.uploadId)}`,
  kbDocument: (tenantId: string, documentId: string) => `${id(tenantId)}/kb/${id(documentId)}`,
  viewPart: (tenantId: string, buildId: string, partId: string) => `${id(tenantId)}/views/${id(buildId)}/${id(partId)}.parquet`,
};

const KEY = /^[0-9a-f-]{36}\/[a-z]+\/[0-9a-z./-]*$/;

/** Keys stay inside their tenant's prefix: no `..`, no absolute paths, nothing but ids and slashes. */
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split("/").some((part) => part === "." || part === ".."))
    throw new Error(`not a store key: ${JSON.stringify(key)}`);
  return key;
}
