// Builds one self-contained IIFE bundle per web resource into dist/, named exactly like the
// web resource (dist/cx_/scripts/contact_form.js = web resource cx_/scripts/contact_form.js),
// copies the panel's HTML and CSS, and prints a size report. Fails when a script exceeds the budget.
import { build } from "esbuild";
import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, "dist");
const MaxScriptBytes = 15 * 1024;

/** Entry -> web resource name and global. The contract test and registrations.json use the same names. */
export const scripts = [
  { entry: "src/forms/contact.ts", webResource: "cx_/scripts/contact_form.js", globalName: "CrmExtensions.Contact" },
  { entry: "src/forms/account.ts", webResource: "cx_/scripts/account_form.js", globalName: "CrmExtensions.Account" },
  { entry: "src/forms/survey.ts", webResource: "cx_/scripts/survey_form.js", globalName: "CrmExtensions.Survey" },
  { entry: "src/forms/interaction.ts", webResource: "cx_/scripts/interaction_quickcreate.js", globalName: "CrmExtensions.Interaction" },
  { entry: "src/forms/portfolioAnalysis.ts", webResource: "cx_/scripts/portfolioanalysis_form.js", globalName: "CrmExtensions.PortfolioAnalysis" },
  { entry: "src/ribbon/customerCommands.ts", webResource: "cx_/scripts/customer_commands.js", globalName: "CrmExtensions.CustomerRibbon" },
  { entry: "src/ribbon/strategyCommands.ts", webResource: "cx_/scripts/strategy_commands.js", globalName: "CrmExtensions.StrategyRibbon" },
  { entry: "src/html/journey/journey.ts", webResource: "cx_/scripts/journey_panel.js", globalName: "CrmExtensions.JourneyPanel" },
  { entry: "src/html/member/member.ts", webResource: "cx_/scripts/member_dialog.js", globalName: "CrmExtensions.MemberDialog" },
];

export const assets = [
  { source: "src/html/journey/journey.html", webResource: "cx_/html/journey.html" },
  { source: "src/html/journey/journey.css", webResource: "cx_/html/journey.css" },
  { source: "src/html/member/member.html", webResource: "cx_/html/member.html" },
  { source: "src/html/member/member.css", webResource: "cx_/html/member.css" },
];

async function buildScript({ entry, webResource, globalName }) {
  const outfile = join(dist, webResource);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    // Form libraries load as classic scripts: no import/export may reach the runtime.
    format: "iife",
    // "CrmExtensions.Contact" emits `var CrmExtensions = CrmExtensions || {}`, so libraries share the root.
    globalName,
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "warning",
  });
  return { webResource, bytes: (await readFile(outfile)).byteLength };
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  const built = await Promise.all(scripts.map(buildScript));
  for (const { source, webResource } of assets) {
    await mkdir(dirname(join(dist, webResource)), { recursive: true });
    await copyFile(join(root, source), join(dist, webResource));
  }

  console.log(`Web resource bundles (minified, budget ${MaxScriptBytes / 1024} KB each):`);
  const tooBig = [];
  for (const { webResource, bytes } of built) {
    const over = bytes > MaxScriptBytes;
    if (over) tooBig.push(webResource);
    console.log(`  ${webResource.padEnd(42)} ${(bytes / 1024).toFixed(2).padStart(6)} KB  ${over ? "OVER BUDGET" : "ok"}`);
  }
  for (const { webResource } of assets) console.log(`  ${webResource.padEnd(42)} copied`);
  if (tooBig.length > 0) {
    console.error(`Build failed: over ${MaxScriptBytes} bytes: ${tooBig.join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
