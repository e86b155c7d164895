import type { InngestFunction } from "inngest";

/** Every workflow definition; served at /api/inngest and run by the embedded engine alike. */
export const functions: InngestFunction.Any[] = [];
