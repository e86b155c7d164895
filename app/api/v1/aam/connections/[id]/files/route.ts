import { withTenant } from "@/lib/http/route";
import { deleteUpload, listUploads, saveUpload } from "@/lib/aam/uploads";
import { ConnectionParams, UploadQuery } from "@/lib/aam/schemas";

export const GET = withTenant(async ({ ctx, params }) => ({ files: await listUploads({ ctx, connectionId: params.id }) }), {
  scope: "aam:read",
  params: ConnectionParams,
});

/** The raw file is the request body: `POST .../files?name=accounts.csv`. 201 with its name and size. */
export const POST = withTenant(
  async ({ ctx, params, query, req }) => {
    const declared = req.headers.get("content-length");
    return {
      file: await saveUpload({
        ctx,
        connectionId: params.id,
        name: query.name,
        body: req.body,
        declaredBytes: declared ? Number(declared) : undefined,
      }),
    };
  },
  { scope: "aam:write", params: ConnectionParams, query: UploadQuery, status: 201, rateLimit: "upload", idempotent: true },
);

/** `DELETE .../files?name=accounts.csv`: the next sync no longer reads the file. 204, or 404 when there is no such file. */
export const DELETE = withTenant(
  async ({ ctx, params, query }) => {
    await deleteUpload({ ctx, connectionId: params.id, name: query.name });
    return new Response(null, { status: 204 });
  },
  { scope: "aam:write", params: ConnectionParams, query: UploadQuery },
);
