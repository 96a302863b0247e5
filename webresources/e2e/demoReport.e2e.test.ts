import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * The demo's report.html (crmx demo, tools/Crm.Extensions.Cli/Demo) opened from disk in headless Debian Chromium, as a
 * consultant opens it offline: a small run in each language, axe clean and without sideways overflow at 1280 and 400 px,
 * screenshots kept with the other CI artifacts. The CLI must be built (tools/run-tests.sh builds the solution first).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const ChromiumPath = "/usr/bin/chromium";
const Screenshots = join(root, "artifacts", "screenshots");
const Output = join(root, "artifacts", "demo-e2e");

function runDemo(language: "en" | "es"): string {
  const folder = join(Output, language);
  rmSync(folder, { recursive: true, force: true });
  const run = spawnSync(
    "dotnet",
    ["run", "--project", join(root, "tools", "Crm.Extensions.Cli"), "-c", "Release", "--no-build", "--",
      "demo", "--customers", "120", "--months", "6", "--lang", language, "--out", folder],
    { cwd: root, encoding: "utf8", timeout: 240_000 },
  );
  if (run.status !== 0) throw new Error(`crmx demo failed (${String(run.status)}): ${run.stderr}${run.stdout}`);
  return join(folder, "report.html");
}

describe("the demo report in Chromium", () => {
  const reports = new Map<string, string>();
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(ChromiumPath)) throw new Error(`Chromium missing at ${ChromiumPath}: apt-get install -y chromium`);
    mkdirSync(Screenshots, { recursive: true });
    reports.set("en", runDemo("en"));
    reports.set("es", runDemo("es"));
    browser = await chromium.launch({
      executablePath: ChromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  }, 480_000);

  afterAll(async () => {
    await browser.close();
  });

  for (const language of ["en", "es"]) {
    for (const width of [1280, 400]) {
      it(`${language} at ${String(width)} px: axe clean, no sideways overflow, nothing fetched`, async () => {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        const requests: string[] = [];
        page.on("request", (request) => {
          if (!request.url().startsWith("file:")) requests.push(request.url());
        });
        await page.goto(pathToFileURL(reports.get(language) ?? "").href);
        await page.screenshot({ path: join(Screenshots, `demo-report-${language}-${String(width)}.png`), fullPage: true });

        const results = await new AxeBuilder({ page }).analyze();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

        expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
        expect(overflow).toBe(false);
        expect(requests).toEqual([]);
        expect(await page.getAttribute("html", "lang")).toBe(language);
        await context.close();
      });
    }
  }
});
