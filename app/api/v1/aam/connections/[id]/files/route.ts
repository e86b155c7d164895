import { withTenant } from "@/lib/http/route";
import { deleteUpload, listUploads, saveUpload } from "@/lib/aam/uploads";
import { ConnectionParams, NamedPageQuery, UploadAnswer, UploadedFilePage, UploadQuery } from "@/lib/aam/schemas";

/** The files of an upload connection, by name. */
export const GET = withTenant(async ({ ctx, params, query }) => listUploads({ ctx, connectionId: params.id, query }), {
  scope: "aam:read",
  params: ConnectionParams,
  query: NamedPageQuery,
  response: UploadedFilePage,
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
  {
    scope: "aam:write",
    params: ConnectionParams,
    query: UploadQuery,
    status: 201,
    rateLimit: "upload",
    idempotent: true,
    response: UploadAnswer,
  },
);

/** `DELETE .../files?name=accounts.csv`: the next sync no longer reads the file. 204, or 404 when there is no such file. */
export const DELETE = withTenant(async ({ ctx, params, query }) => deleteUpload({ ctx, connectionId: params.id, name: query.name }), {
  scope: "aam:write",
  params: ConnectionParams,
  query: UploadQuery,
  status: 204,
  response: null,
});
