import { z } from "zod";

/** Shared pieces of response schemas (what goes over the wire as JSON). */

/**
 * A time the domain holds as a Date: JSON.stringify writes it as an ISO 8601 string, which is how
 * the document describes it (lib/http/openapi/schema-options.ts). A time the domain already holds
 * as a string is `z.iso.datetime()`.
 */
export const Timestamp = z.date().meta({ description: "An ISO 8601 time", examples: ["2026-11-30T09:15:00.000Z"] });

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Any JSON value (records, samples, settings a source defines). Spelled out rather than `z.json()`
 * so that its recursion refers to this one named component.
 */
export const JsonValue: z.ZodType<Json> = z
  .lazy(() => z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(JsonValue), z.record(z.string(), JsonValue)]))
  .meta({ id: "JsonValue" });

/** The id of a row: a UUID. */
export const Id = z.uuid().meta({ examples: ["3f0c8a52-6f1e-4c8e-9a57-2b7f1d4e9c10"] });
