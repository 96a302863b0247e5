import { defineConfig } from "vitest/config";

// Unit, DOM (jsdom, per file) and bundle-contract tests. Browser tests live in vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // The JSON report feeds the closing summary of `npm run ci` (summary.mjs).
    reporters: ["default", "json"],
    outputFile: { json: "test-results/unit.json" },
  },
});
