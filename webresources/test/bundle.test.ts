import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";

/**
 * Contract between the built bundles and what the solution registers (registrations.json):
 * every registered name exists under CrmExtensions.* once the classic scripts have run.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..");

interface Registrations {
  readonly namespace: string;
  readonly webResources: readonly { readonly name: string; readonly type: string; readonly dist: string; readonly global?: string }[];
  readonly forms: readonly {
    readonly libraries: readonly string[];
    readonly handlers: readonly { readonly function: string }[];
    readonly runtimeOnly?: readonly string[];
  }[];
  readonly ribbon: readonly {
    readonly action: { readonly library: string; readonly function: string };
    readonly enableRules: readonly { readonly library: string; readonly function: string }[];
  }[];
}

const registrations = JSON.parse(readFileSync(join(root, "registrations.json"), "utf8")) as Registrations;
const scripts = registrations.webResources.filter((resource) => resource.type === "Script");

/** Each registered function with the library it must come from. */
function registeredFunctions(): { library: string; name: string }[] {
  const fromForms = registrations.forms.flatMap((form) =>
    [...form.handlers.map((handler) => handler.function), ...(form.runtimeOnly ?? [])].map((name) => ({ library: form.libraries[0]!, name })));
  const fromRibbon = registrations.ribbon.flatMap((command) => [
    { library: command.action.library, name: command.action.function },
    ...command.enableRules.map((rule) => ({ library: rule.library, name: rule.function })),
  ]);
  return [...fromForms, ...fromRibbon];
}

function bundleSource(webResource: string): string {
  const resource = registrations.webResources.find((candidate) => candidate.name === webResource);
  if (resource === undefined) throw new Error(`${webResource} is not in registrations.json`);
  return readFileSync(join(root, resource.dist), "utf8");
}

/** A fresh global like the form's page: classic scripts see a `window` that is the global itself. */
function runClassicScripts(webResources: readonly string[]): vm.Context {
  const context = vm.createContext({});
  vm.runInContext("var window = this;", context);
  for (const webResource of webResources) {
    vm.runInContext(bundleSource(webResource), context, { filename: webResource });
  }
  return context;
}

function resolve(context: vm.Context, path: string): unknown {
  return path.split(".").reduce<unknown>((scope, key) => (scope as Record<string, unknown> | undefined)?.[key], context);
}

describe("bundle contract", () => {
  beforeAll(() => {
    if (!scripts.every((script) => existsSync(join(root, script.dist)))) {
      execFileSync(process.execPath, [join(root, "build.mjs")], { cwd: root, stdio: "inherit" });
    }
  });

  it.each(scripts.map((script) => [script.name, script.global!] as const))("%s defines %s and nothing but the shared root", (name, global) => {
    const context = runClassicScripts([name]);
    expect(typeof resolve(context, global)).toBe("object");
    const ownGlobals = Object.keys(context).filter((key) => key !== "window" && key !== "setClientApiContext");
    expect(ownGlobals).toEqual([registrations.namespace]);
  });

  it.each(registeredFunctions().map((entry) => [entry.name, entry.library] as const))("%s is a function in %s", (name, library) => {
    expect(name.startsWith(`${registrations.namespace}.`)).toBe(true);
    expect(typeof resolve(runClassicScripts([library]), name)).toBe("function");
  });

  it("lets every library share the CrmExtensions root when loaded on one page, in any order", () => {
    const names = scripts.map((script) => script.name);
    for (const order of [names, [...names].reverse()]) {
      const context = runClassicScripts(order);
      for (const script of scripts) {
        expect(typeof resolve(context, script.global!)).toBe("object");
      }
      for (const { name } of registeredFunctions()) {
        expect(typeof resolve(context, name)).toBe("function");
      }
    }
  });

  it("exposes the handshake on the panel's window", () => {
    const context = runClassicScripts(["cx_/scripts/journey_panel.js"]);
    expect(typeof resolve(context, "setClientApiContext")).toBe("function");
    expect(resolve(context, "setClientApiContext")).toBe(resolve(context, "CrmExtensions.JourneyPanel.setClientApiContext"));
  });

  it.each(scripts.map((script) => [script.name] as const))("%s carries no module syntax, XrmEnum, Xrm.Page, window.top, eval or markup sinks", (name) => {
    const source = bundleSource(name);
    expect(source).not.toMatch(/(^|[^\w$.])(import|export)\s*[{*("'`]|(^|[^\w$.])export\s+(default|const|function|var|let|class)\b|import\.meta/);
    expect(source).not.toContain("XrmEnum.");
    expect(source).not.toContain("Xrm.Page");
    expect(source).not.toMatch(/window\.top\b/);
    expect(source).not.toMatch(/\beval\(|new Function\(|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });

  it("registers every script bundle the build produces", () => {
    const built = readFileSync(join(root, "build.mjs"), "utf8").match(/cx_\/scripts\/[\w]+\.js/g) ?? [];
    expect(new Set(built)).toEqual(new Set(scripts.map((script) => script.name)));
  });
});
