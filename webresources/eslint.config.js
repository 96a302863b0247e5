// Flat config: type-aware typescript-eslint plus the platform rules of the reference
// (no XrmEnum at runtime, no Xrm.Page, no window.top, no markup sinks, no eval).
import tseslint from "typescript-eslint";

const platformRules = {
  "no-restricted-syntax": [
    "error",
    { selector: "MemberExpression[object.name='XrmEnum']", message: "XrmEnum is a const enum with no runtime value; use src/lib/xrmConstants.ts." },
    { selector: "MemberExpression[object.name='Xrm'][property.name='Page']", message: "Xrm.Page is deprecated; use executionContext.getFormContext()." },
  ],
  "no-restricted-properties": [
    "error",
    { object: "window", property: "top", message: "window.top is not supported in model-driven apps." },
    { object: "Xrm", property: "Page", message: "Xrm.Page is deprecated; use executionContext.getFormContext()." },
    { property: "innerHTML", message: "Render record data with textContent." },
    { property: "outerHTML", message: "Render record data with textContent." },
    { property: "insertAdjacentHTML", message: "Render record data with textContent." },
    { object: "document", property: "write", message: "Render record data with textContent." },
  ],
  "no-eval": "error",
  "no-new-func": "error",
};

const typedRules = {
  ...platformRules,
  "no-implied-eval": "off",
  "@typescript-eslint/no-implied-eval": "error",
};

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**"] },
  {
    files: ["src/**/*.ts"],
    extends: [...tseslint.configs.strictTypeChecked],
    languageOptions: { parserOptions: { project: "./tsconfig.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...typedRules,
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
    },
  },
  {
    files: ["test/**/*.ts", "e2e/**/*.ts", "*.config.ts"],
    extends: [...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { project: "./tsconfig.test.json", tsconfigRootDir: import.meta.dirname } },
    rules: {
      ...typedRules,
      // Tests reach into mocks and untyped page globals on purpose.
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["*.mjs", "*.js"],
    extends: [tseslint.configs.base],
    rules: { ...platformRules, "no-implied-eval": "error" },
  },
);
