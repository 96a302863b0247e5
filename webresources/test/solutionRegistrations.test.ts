import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The other half of the contract: whatever solution/src actually registers (FormXml Handler
 * functionName/libraryName, RibbonDiffXml JavaScriptFunction/CustomRule FunctionName/Library)
 * must exist in the built bundles. Until the solution registers web resources, there is nothing to check.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// CX_SOLUTION_SRC lets a test run point at another unpacked solution.
const solutionSrc = process.env["CX_SOLUTION_SRC"] ?? join(root, "..", "solution", "src");
const Namespace = "CrmExtensions.";

interface Registration { readonly file: string; readonly functionName: string; readonly library: string }

function xmlFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return xmlFiles(path);
    return name.endsWith(".xml") ? [path] : [];
  });
}

/** Attribute pairs in any order within one element; good enough for generated, well-formed XML. */
function registrationsIn(file: string): Registration[] {
  const xml = readFileSync(file, "utf8");
  const found: Registration[] = [];
  for (const element of xml.match(/<(Handler|JavaScriptFunction|CustomRule)\b[^>]*>/g) ?? []) {
    const functionName = /\b(?:functionName|FunctionName)="([^"]+)"/.exec(element)?.[1];
    const library = /\b(?:libraryName|Library)="([^"]+)"/.exec(element)?.[1];
    if (functionName?.startsWith(Namespace) && library !== undefined) {
      found.push({ file: relative(solutionSrc, file), functionName, library: library.replace(/^\$webresource:/, "") });
    }
  }
  return found;
}

const registered = xmlFiles(solutionSrc).flatMap(registrationsIn);

function loadLibrary(library: string): vm.Context {
  const context = vm.createContext({});
  vm.runInContext("var window = this;", context);
  vm.runInContext(readFileSync(join(root, "dist", library), "utf8"), context, { filename: library });
  return context;
}

describe("solution/src registrations against the built bundles", () => {
  it.skipIf(registered.length === 0)("every CrmExtensions function registered in solution/src exists in its library", () => {
    const missing = registered.filter(({ functionName, library }) => {
      if (!existsSync(join(root, "dist", library))) return true;
      const value = functionName.split(".").reduce<unknown>((scope, key) => (scope as Record<string, unknown> | undefined)?.[key], loadLibrary(library));
      return typeof value !== "function";
    });
    expect(missing).toEqual([]);
  });

  it.skipIf(registered.length === 0)("every function registrations.json expects is registered somewhere in solution/src", () => {
    const expected = JSON.parse(readFileSync(join(root, "registrations.json"), "utf8")) as {
      forms: { handlers: { function: string }[] }[];
      ribbon: { action: { function: string }; enableRules: { function: string }[] }[];
    };
    const names = [
      ...expected.forms.flatMap((form) => form.handlers.map((handler) => handler.function)),
      ...expected.ribbon.flatMap((command) => [command.action.function, ...command.enableRules.map((rule) => rule.function)]),
    ];
    const inSolution = new Set(registered.map((registration) => registration.functionName));
    expect(names.filter((name) => !inSolution.has(name))).toEqual([]);
  });
});
