import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// One embedded database per test worker, in a temporary folder (runs before lib/env is imported).
process.env.AOS_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), `aos-test-${process.env.VITEST_POOL_ID ?? "0"}-`));
