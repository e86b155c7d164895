import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe } from "vitest";
import { folderStore } from "@/lib/store/folder";
import type { Store } from "@/lib/store/types";
import { storeContract } from "../support/store-contract";

describe("folder store", () => {
  let root: string;
  let store: Store;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "aos-store-"));
    store = folderStore(root);
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  storeContract(() => store);
});
