import { describe } from "vitest";
import { createMemoryStore } from "@/lib/kv/memory";
import { kvContract } from "../support/kv-contract";

describe("in-process KeyValueStore", () => {
  const store = createMemoryStore();
  kvContract(() => store);
});
