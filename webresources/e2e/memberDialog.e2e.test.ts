import { existsSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { StrictCsp, startCspServer, type RunningServer } from "./cspServer";

/**
 * The built redemption dialog (dist/cx_/html/member.html) in headless Debian Chromium under a strict CSP. Outside the
 * app there is no parent Xrm, so the test starts the dialog through its global (CrmExtensions.MemberDialog.start) with
 * a fake Xrm whose custom API answers are the scenario's.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const ChromiumPath = "/usr/bin/chromium";
const Screenshots = join(root, "..", "artifacts", "screenshots");
const Xss = "<img src=x onerror=alert(1)>";

interface DialogScenario {
  readonly view: "rewards" | "statement";
  /** Custom API unique name -> JSON body, or a platform failure. */
  readonly answers: Readonly<Record<string, unknown>>;
  /** Redeem the first reward once the list shows (success with the voucher). */
  readonly redeemFirst?: boolean;
}

const failure = { failure: { message: "The HTTP request failed: 503 Service Unavailable.", errorCode: -2147204784 } };

const loyalMember: DialogScenario = {
  view: "rewards",
  answers: {
    cx_GetRedeemableRewards: {
      Available: 1200,
      Rewards: [
        { rewardid: "r1", name: "Tote bag", pointscost: 100, balanceafter: 1100 },
        { rewardid: "r2", name: "Coffee machine descaling service at home", pointscost: 450, balanceafter: 750 },
        { rewardid: "r3", name: Xss, pointscost: 1000, balanceafter: 200 },
      ],
    },
  },
};

const prospectNoTier: DialogScenario = { view: "rewards", answers: { cx_GetRedeemableRewards: { Available: 0, Rewards: [] } } };

const atRiskStatement: DialogScenario = {
  view: "statement",
  answers: {
    cx_GetPointsStatement: {
      ClosingBalance: 430,
      Lines: [
        { occurredon: "2025-06-01T10:00:00Z", entrytype: "Earn", state: "Expired", points: 200, runningbalance: 200, reason: "Invoice INV-0912", source: "earn:0912" },
        { occurredon: "2025-09-14T10:00:00Z", entrytype: "Earn", state: "Available", points: 530, runningbalance: 730, reason: "Invoice INV-1044", source: "earn:1044" },
        { occurredon: "2025-10-02T10:00:00Z", entrytype: "Reverse", state: "Posted", points: -100, runningbalance: 630, reason: "Return of INV-1044", source: "return:1044" },
        { occurredon: "2026-06-01T00:00:00Z", entrytype: "Expire", state: "Posted", points: -200, runningbalance: 430, reason: "Points expired", source: "expire:0912" },
      ],
    },
  },
};

const redeemed: DialogScenario = {
  ...loyalMember,
  answers: { ...loyalMember.answers, cx_RedeemReward: { VoucherCode: "CX7Q2M9K", Redemption: { cx_rewardredemptionid: "d1" } } },
  redeemFirst: true,
};

const failing: DialogScenario = { view: "rewards", answers: { cx_GetRedeemableRewards: failure } };

async function open(page: Page, scenario: DialogScenario, languageId: number): Promise<void> {
  await page.evaluate(
    async ({ s, languageId: lcid }) => {
      interface Request { getMetadata(): { operationName: string } }
      const xrm = {
        Utility: { getGlobalContext: () => ({ userSettings: { languageId: lcid } }) },
        WebApi: {
          online: {
            execute: (request: Request) => {
              const answer = s.answers[request.getMetadata().operationName] as { failure?: { message: string; errorCode: number } } | undefined;
              if (answer === undefined) return Promise.reject(new Error("unexpected call"));
              if (answer.failure !== undefined) {
                return Promise.reject(Object.assign(new Error(answer.failure.message), { errorCode: answer.failure.errorCode }));
              }
              return Promise.resolve({ ok: true, status: 200, json: () => Promise.resolve(answer) });
            },
          },
        },
      };
      const global = window as unknown as { CrmExtensions: { MemberDialog: { start(x: unknown, c: unknown, v: string): Promise<void> } } };
      await global.CrmExtensions.MemberDialog.start(xrm, { entityType: "contact", id: "6B29FC40-CA47-1067-B31D-00DD010662DA" }, s.view);
    },
    { s: scenario, languageId },
  );
  if (scenario.redeemFirst === true) {
    await page.locator("#cx-reward-rows button").first().click();
    await page.locator("#cx-confirm-yes").click();
    await page.waitForFunction(() => document.getElementById("cx-member")?.dataset["state"] === "done");
  }
}

describe("redemption dialog in Chromium under a strict CSP", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    mkdirSync(Screenshots, { recursive: true });
    if (!existsSync(join(dist, "cx_/html/member.html"))) throw new Error("Run `npm run build` first (npm run test:e2e does).");
    if (!existsSync(ChromiumPath)) throw new Error(`Chromium missing at ${ChromiumPath}: apt-get install -y chromium`);
    server = await startCspServer(dist);
    browser = await chromium.launch({
      executablePath: ChromiumPath,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
  });

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  beforeEach(async () => {
    problems = [];
    context = await browser.newContext();
    page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("dialog", (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    const response = await page.goto(`${server.origin}/cx_/html/member.html`);
    expect(response?.headers()["content-security-policy"]).toBe(StrictCsp);
    await page.waitForFunction(() => typeof (window as unknown as { CrmExtensions?: { MemberDialog?: unknown } }).CrmExtensions?.MemberDialog === "object");
  });

  afterEach(async () => {
    await context.close();
    expect(problems).toEqual([]);
  });

  async function axeViolations(): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }

  async function overflowing(): Promise<string[]> {
    return page.evaluate(() => [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .filter((element) => element.closest(".scroll") === null)
      .map((element) => element.id || element.className || element.tagName));
  }

  const scenarios = [
    ["loyal-member", loyalMember],
    ["prospect-no-tier", prospectNoTier],
    ["at-risk-member-statement", atRiskStatement],
    ["voucher", redeemed],
    ["error", failing],
  ] as const;

  for (const [name, scenario] of scenarios) {
    for (const [language, languageId] of [["en", 1033], ["es", 3082]] as const) {
      for (const width of [1280, 400]) {
        it(`${name} (${language}, ${String(width)} px): screenshot, axe clean, no sideways overflow`, async () => {
          await page.setViewportSize({ width, height: 720 });
          await open(page, scenario, languageId);
          await page.screenshot({ path: join(Screenshots, `member-${name}-${language}-${String(width)}.png`), fullPage: true, animations: "disabled" });
          expect(await axeViolations()).toEqual([]);
          expect(await overflowing()).toEqual([]);
        });
      }
    }
  }

  it("shows the server's catalogue with cost and points after, record text as text", async () => {
    await open(page, loyalMember, 1033);
    await expect(page.getByRole("status").textContent()).resolves.toBe("3 rewards can be redeemed.");
    await expect(page.locator("#cx-available").textContent()).resolves.toBe("1,200 points");
    await expect(page.locator("#cx-reward-rows tr").nth(2).locator("td").first().textContent()).resolves.toBe(Xss);
    await expect(page.locator("img").count()).resolves.toBe(0);
  });

  it("confirms before redeeming, then shows the voucher code with mark used and cancel", async () => {
    await open(page, redeemed, 3082);
    await expect(page.locator("#cx-voucher").textContent()).resolves.toBe("CX7Q2M9K");
    await expect(page.getByRole("button", { name: "Marcar vale como usado" }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole("button", { name: "Cancelar canje y reembolsar" }).isVisible()).resolves.toBe(true);
  });

  it("turns dark when the host passes its theme flag", async () => {
    await page.goto(`${server.origin}/cx_/html/member.html?flags=themeOption%3Ddarkmode`);
    await open(page, loyalMember, 1033);
    await expect(page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).resolves.toBe("rgb(41, 41, 41)");
    expect(await axeViolations()).toEqual([]);
  });
});
