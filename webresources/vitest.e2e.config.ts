import { defineConfig } from "vitest/config";

// Headless Chromium tests of the built journey panel (run after `npm run build`).
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    fileParallelism: false,
    reporters: ["default", "json"],
    outputFile: { json: "test-results/e2e.json" },
  },
});
