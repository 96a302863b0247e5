// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import type { DialogState, View } from "../src/html/member/member";

/**
 * The redemption dialog and points statement (member.html + member.ts) in jsdom, every state: loading, list, empty,
 * confirm, working, success with the voucher, refusal/error with retry, mark used, cancel with refund, the statement.
 */
const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../src/html/member/member.html"), "utf8");
const Customer = { entityType: "contact", id: "6B29FC40-CA47-1067-B31D-00DD010662DA" };
const RedemptionId = "0d1e2f3a-4b5c-6d7e-8f90-a1b2c3d4e5f6";

type Dialog = typeof import("../src/html/member/member");
let dialog: Dialog;

interface Request { getMetadata(): { operationName: string; operationType: number }; [name: string]: unknown }

const ok = (body: unknown): Response =>
  ({ ok: true, status: body === null ? 204 : 200, json: () => Promise.resolve(body) }) as unknown as Response;

const catalogue = {
  Available: 1200,
  Rewards: [
    { rewardid: "r1", name: "Tote bag", kind: "FreeProduct", pointscost: 100, balanceafter: 1100 },
    { rewardid: "r2", name: "<img src=x onerror=alert(1)>", kind: "FixedVoucher", pointscost: 300, balanceafter: 900 },
  ],
};

const statement = {
  ClosingBalance: 550,
  Lines: [
    { occurredon: "2026-01-10T09:00:00Z", entrytype: "Earn", state: "Available", points: 600, runningbalance: 600, reason: "Invoice INV-1", source: "earn:inv1" },
    { occurredon: "2026-02-01T09:00:00Z", entrytype: "Earn", state: "Pending", points: 250, runningbalance: 850, reason: "Invoice INV-2", source: "earn:inv2" },
    { occurredon: "2026-02-03T09:00:00Z", entrytype: "Redeem", state: "Posted", points: -300, runningbalance: 550, reason: "Tote bag", source: "redeem:1" },
  ],
};

function xrmWith(execute: Mock, languageId = 1033): Xrm.XrmStatic {
  return {
    Utility: { getGlobalContext: () => ({ userSettings: { languageId } }) },
    WebApi: { online: { execute } },
  } as unknown as Xrm.XrmStatic;
}

/** Answers each custom API by name; `answers` may hold a rejection for one of them. */
function server(answers: Readonly<Record<string, unknown>>): Mock {
  return vi.fn((request: Request) => {
    const name = request.getMetadata().operationName;
    const answer = answers[name];
    if (answer instanceof Error) return Promise.reject(answer);
    if (answer === undefined) return Promise.reject(new Error(`unexpected ${name}`));
    return Promise.resolve(ok(answer));
  });
}

const $ = (id: string): HTMLElement => document.getElementById(id)!;
const state = (): DialogState => $("cx-member").dataset["state"] as DialogState;
const visible = (): string[] => [...document.querySelectorAll<HTMLElement>("main > section, main > div")].filter((e) => !e.hidden).map((e) => e.id);
const cells = (tbody: string): string[][] =>
  [...$(tbody).querySelectorAll("tr")].map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent));
const click = (id: string): void => $(id).click();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function open(execute: Mock, view: View = "rewards", languageId = 1033): Promise<void> {
  await dialog.start(xrmWith(execute, languageId), Customer, view);
}

function loadPage(): void {
  const page = new DOMParser().parseFromString(html, "text/html");
  document.documentElement.replaceWith(document.importNode(page.documentElement, true));
}

beforeAll(async () => {
  loadPage();
  dialog = await import("../src/html/member/member");
});

beforeEach(loadPage);

describe("redemption dialog", () => {
  it("shows a skeleton, not an empty list, while the rewards load", async () => {
    const execute = vi.fn(() => new Promise<Response>(() => undefined));
    void open(execute);
    await settle();
    expect(state()).toBe("loading");
    expect(visible()).toEqual(["cx-skeleton"]);
    expect($("cx-status").textContent).toBe("Loading the rewards…");
  });

  it("asks the server for the redeemable rewards of this customer, as a function", async () => {
    const execute = server({ cx_GetRedeemableRewards: catalogue });
    await open(execute);
    const request = execute.mock.calls[0]![0] as Request;
    expect(request.getMetadata()).toMatchObject({ operationName: "cx_GetRedeemableRewards", operationType: 1 });
    expect(request["Customer"]).toEqual(Customer);
    expect(execute).toHaveBeenCalledOnce();
  });

  it("lists only what the server offers, with the cost and the points after, record text as text", async () => {
    await open(server({ cx_GetRedeemableRewards: catalogue }));
    expect(state()).toBe("list");
    expect(visible()).toEqual(["cx-rewards"]);
    expect($("cx-available").textContent).toBe("1,200 points");
    expect(cells("cx-reward-rows")).toEqual([
      ["Tote bag", "100", "1,100", "Redeem"],
      ["<img src=x onerror=alert(1)>", "300", "900", "Redeem"],
    ]);
    expect(document.querySelector("img")).toBeNull();
    expect($("cx-status").textContent).toBe("2 rewards can be redeemed.");
  });

  it("says plainly when no reward can be redeemed", async () => {
    await open(server({ cx_GetRedeemableRewards: { Available: 40, Rewards: [] } }));
    expect(state()).toBe("empty");
    expect(visible()).toEqual([]);
    expect($("cx-status").textContent).toBe("No reward can be redeemed with these points right now.");
  });

  it("asks for confirmation with the cost and the points after, and goes back without redeeming", async () => {
    const execute = server({ cx_GetRedeemableRewards: catalogue });
    await open(execute);
    ($("cx-reward-rows").querySelector("button")!).click();
    expect(state()).toBe("confirm");
    expect($("cx-confirm-text").textContent).toBe("Redeem Tote bag for 100 points?");
    expect($("cx-confirm-after").textContent).toBe("1,100 points");
    click("cx-confirm-no");
    await settle();
    expect(state()).toBe("list");
    expect(execute.mock.calls.map((call) => (call[0] as Request).getMetadata().operationName)).toEqual([
      "cx_GetRedeemableRewards", "cx_GetRedeemableRewards",
    ]);
  });

  it("redeems through cx_RedeemReward and shows the voucher code", async () => {
    const execute = server({
      cx_GetRedeemableRewards: catalogue,
      cx_RedeemReward: { VoucherCode: "CX7Q2M9K", Redemption: { cx_rewardredemptionid: RedemptionId } },
    });
    await open(execute);
    ($("cx-reward-rows").querySelector("button")!).click();
    click("cx-confirm-yes");
    expect(state()).toBe("working");
    await settle();
    const request = execute.mock.calls[1]![0] as Request;
    expect(request.getMetadata().operationName).toBe("cx_RedeemReward");
    expect(request["Reward"]).toEqual({ entityType: "cx_reward", id: "r1" });
    expect(state()).toBe("done");
    expect($("cx-voucher").textContent).toBe("CX7Q2M9K");
    expect($("cx-mark-used").hidden).toBe(false);
    expect($("cx-cancel").hidden).toBe(false);
  });

  it("shows a refusal in plain words with the server's message under Details, and Try again reloads the list", async () => {
    const refusal = Object.assign(new Error("La recompensa cuesta 300 puntos; el cliente tiene 200 disponibles."), { errorCode: -2147220891 });
    const execute = server({ cx_GetRedeemableRewards: catalogue, cx_RedeemReward: refusal });
    await open(execute, "rewards", 3082);
    ($("cx-reward-rows").querySelector("button")!).click();
    click("cx-confirm-yes");
    await settle();
    expect(state()).toBe("error");
    expect(visible()).toEqual(["cx-error"]);
    expect($("cx-error-text").textContent).toBe("El servidor no aceptó la solicitud.");
    expect($("cx-error-message").textContent).toBe(refusal.message);
    expect($("cx-retry").textContent).toBe("Reintentar");
    click("cx-retry");
    await settle();
    expect(state()).toBe("list");
  });

  it("shows a load failure with a retry that asks again", async () => {
    const execute = vi.fn()
      .mockRejectedValueOnce(Object.assign(new Error("503 Service Unavailable"), { errorCode: -2147204784 }))
      .mockResolvedValueOnce(ok(catalogue));
    await open(execute);
    expect(state()).toBe("error");
    expect($("cx-error-text").textContent).toBe("The rewards could not be loaded.");
    expect($("cx-error-details").hidden).toBe(false);
    click("cx-retry");
    await settle();
    expect(state()).toBe("list");
    expect(execute).toHaveBeenCalledTimes(2);
  });

  it("marks the voucher used through cx_MarkVoucherUsed", async () => {
    const execute = server({
      cx_GetRedeemableRewards: catalogue,
      cx_RedeemReward: { VoucherCode: "CX7Q2M9K", Redemption: { cx_rewardredemptionid: RedemptionId } },
      cx_MarkVoucherUsed: null,
    });
    await open(execute);
    ($("cx-reward-rows").querySelector("button")!).click();
    click("cx-confirm-yes");
    await settle();
    click("cx-mark-used");
    await settle();
    const request = execute.mock.calls[2]![0] as Request;
    expect(request.getMetadata().operationName).toBe("cx_MarkVoucherUsed");
    expect(request["Redemption"]).toEqual({ entityType: "cx_rewardredemption", id: RedemptionId });
    expect($("cx-done-text").textContent).toBe("The voucher is marked as used.");
    expect($("cx-mark-used").hidden).toBe(true);
    expect($("cx-cancel").hidden).toBe(true);
  });

  it("cancels the redemption with a refund and shows the points available after it, in Spanish", async () => {
    const execute = server({
      cx_GetRedeemableRewards: catalogue,
      cx_RedeemReward: { VoucherCode: "CX7Q2M9K", Redemption: { cx_rewardredemptionid: RedemptionId } },
      cx_CancelRedemption: { Balance: 1200 },
    });
    await open(execute, "rewards", 3082);
    ($("cx-reward-rows").querySelectorAll("button")[1]!).click();
    click("cx-confirm-yes");
    await settle();
    click("cx-cancel");
    await settle();
    expect((execute.mock.calls[2]![0] as Request).getMetadata().operationName).toBe("cx_CancelRedemption");
    expect($("cx-done-text").textContent).toBe("Canje cancelado. Se han reembolsado 300 puntos; puntos disponibles ahora: 1200.");
  });

  it("refuses to open without a saved customer, in plain words and with nothing to retry", async () => {
    const execute = vi.fn();
    await dialog.start(xrmWith(execute), null);
    expect(state()).toBe("error");
    expect($("cx-error-text").textContent).toBe("Open this from a saved contact or account.");
    expect($("cx-retry").hidden).toBe(true);
    expect(execute).not.toHaveBeenCalled();
  });

  it("reads the customer and view from the data parameter navigateTo passes", () => {
    const search = `?data=${encodeURIComponent("table=account&id={ABC}&view=statement")}`;
    expect(dialog.customerFromSearch(search)).toEqual({ customer: { entityType: "account", id: "ABC" }, view: "statement" });
    expect(dialog.customerFromSearch("?data=table%3Dcx_reward%26id%3D1").customer).toBeNull();
  });
});

describe("points statement", () => {
  it("lists the movements newest first with reason, source, state and the running balance", async () => {
    const execute = server({ cx_GetPointsStatement: statement });
    await open(execute, "statement");
    expect((execute.mock.calls[0]![0] as Request).getMetadata()).toMatchObject({ operationName: "cx_GetPointsStatement", operationType: 1 });
    expect(state()).toBe("list");
    expect(visible()).toEqual(["cx-statement"]);
    const rows = cells("cx-statement-rows");
    expect(rows.map((row) => row.slice(1))).toEqual([
      ["Redeemed", "Tote bag", "redeem:1", "Posted", "-300", "550"],
      ["Earned", "Invoice INV-2", "earn:inv2", "Pending", "+250", "850"],
      ["Earned", "Invoice INV-1", "earn:inv1", "Available", "+600", "600"],
    ]);
    expect($("cx-show-statement").getAttribute("aria-pressed")).toBe("true");
  });

  it("speaks Spanish, states included", async () => {
    await open(server({ cx_GetPointsStatement: statement }), "statement", 3082);
    expect(cells("cx-statement-rows").map((row) => [row[1], row[4]])).toEqual([
      ["Canjeados", "Registrado"], ["Ganados", "Pendiente"], ["Ganados", "Disponible"],
    ]);
    expect($("cx-statement-heading").textContent).toBe("Extracto de puntos");
    expect(document.documentElement.lang).toBe("es");
  });

  it("says so when there are no movements, and shows an error with retry when it fails", async () => {
    await open(server({ cx_GetPointsStatement: { ClosingBalance: 0, Lines: [] } }), "statement");
    expect(state()).toBe("empty");
    expect($("cx-status").textContent).toBe("This customer has no points movements yet.");

    await open(server({ cx_GetPointsStatement: new Error("timeout") }), "statement");
    expect(state()).toBe("error");
    expect($("cx-error-text").textContent).toBe("The points statement could not be loaded.");
  });

  it("switches between the two views from the buttons", async () => {
    await open(server({ cx_GetRedeemableRewards: catalogue, cx_GetPointsStatement: statement }));
    click("cx-show-statement");
    await settle();
    expect(visible()).toEqual(["cx-statement"]);
    click("cx-show-rewards");
    await settle();
    expect(visible()).toEqual(["cx-rewards"]);
  });
});

describe("member.html", () => {
  const page = new DOMParser().parseFromString(html, "text/html");

  it("gives every fixed label a Spanish twin and runs no inline script or style (strict CSP)", () => {
    const labelled = [...page.querySelectorAll<HTMLElement>("[data-es]")];
    expect(labelled.length).toBeGreaterThan(20);
    for (const element of labelled) {
      expect((element.dataset["es"] ?? "").trim(), element.textContent).not.toBe("");
      expect(element.children).toHaveLength(0);
    }
    expect(page.querySelectorAll("script:not([src]), style, [style]")).toHaveLength(0);
    expect([...page.querySelectorAll("*")].flatMap((e) => e.getAttributeNames().filter((n) => n.startsWith("on")))).toEqual([]);
  });
});
