import { withTenant } from "@/lib/http/route";
import { listUploads, saveUpload } from "@/lib/aam/uploads";
import { ConnectionParams, UploadQuery } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ files: await listUploads({ ctx, connectionId: params.id }) }), { scope: "aam:read", params: ConnectionParams });

/** The raw file is the request body: `POST .../files?name=accounts.csv`. 201 with its name and size. */
export const POST = withTenant(
  async ({ ctx, params, query, req }) => {
    const declared = req.headers.get("content-length");
    return { file: await saveUpload({ ctx, connectionId: params.id, name: query.name, body: req.body, declaredBytes: declared ? Number(declared) : undefined }) };
  },
  { scope: "aam:write", params: ConnectionParams, query: UploadQuery, status: 201, rateLimit: "upload" },
);
