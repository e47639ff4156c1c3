import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: e2e files start Chromium and servers; run files in a few forks, not one per core.
    pool: "forks",
    maxWorkers: 2,
    reporters: ["default"],
  },
});
