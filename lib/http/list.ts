import { z } from "zod";

/**
 * The one form of every list endpoint (the OpenAPI document's description says it to integrators):
 * - `limit`: how many to answer, with a default and a maximum per list;
 * - `cursor`: a previous page's `nextCursor`, opaque to clients (today the last item's id);
 * - filters: query parameters named after the field they compare for equality (`status=failed`);
 * - `sort`: a field, with `-` before it for descending (`sort=-createdAt`), where a list can be ordered.
 * The answer is `{ <items>: [...], nextCursor }`, `nextCursor` null on the last page.
 * Pages are keyset pages over an order that ends in `id` (lib/db/page.ts).
 */
export function pageParams({
  defaultLimit = 50,
  maxLimit = 200,
  cursor = z.uuid(),
}: {
  defaultLimit?: number;
  maxLimit?: number;
  cursor?: z.ZodType<string>;
} = {}) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(defaultLimit)
      .meta({ description: `How many to answer: 1 to ${maxLimit}, ${defaultLimit} by default` }),
    cursor: cursor.optional().meta({ description: "Where to go on: the previous page's `nextCursor`" }),
  };
}

export type SortOrder<F extends string> = { field: F; direction: "asc" | "desc" };

/** `sort`: one of `fields`, `-` before it for descending; `byDefault` when absent. */
export function sortParam<const F extends string>(fields: readonly [F, ...F[]], byDefault: F | `-${F}`) {
  const values = fields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z
    .enum(values)
    .default(byDefault as string)
    .transform(
      (value): SortOrder<F> =>
        value.startsWith("-") ? { field: value.slice(1) as F, direction: "desc" } : { field: value as F, direction: "asc" },
    )
    .meta({
      description: `The order: ${fields.map((f) => `\`${f}\``).join(", ")}, \`-\` before it for descending; \`${byDefault}\` by default`,
    });
}

/** The Prisma order of a sorted page: the field, then `id` the same way, so pages never overlap. */
export function orderOf<F extends string>({ field, direction }: SortOrder<F>) {
  return [{ [field]: direction }, { id: direction }] as { [K in F | "id"]?: "asc" | "desc" }[];
}

/** A page of `item` under the key `name`: `{ [name]: item[], nextCursor }`. */
export function listOf<const N extends string, T extends z.ZodType>(name: N, item: T) {
  return z.object({
    [name]: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page" }),
  } as { [K in N]: z.ZodArray<T> } & { nextCursor: z.ZodNullable<z.ZodString> });
}
