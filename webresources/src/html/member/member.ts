import { errorMessage } from "../../lib/errors";
import { format, languageFromLcid, localeOf, type Language } from "../../lib/i18n";
import type { EntityReferenceParameter } from "../../lib/customApis";
import {
  cancelRedemption, loadCatalogue, loadStatement, markVoucherUsed, redeem, type RedeemableReward, type StatementLine, type Voucher,
} from "./memberApi";
import { labelOf, memberMessagesFor, type MemberMessages } from "./memberMessages";

/**
 * The redemption dialog and points statement (cx_/html/member.html) -> CrmExtensions.MemberDialog.
 * The "Redeem reward" command opens it with Xrm.Navigation.navigateTo (pageType webresource, target 2 = dialog) and
 * passes the customer in the page's data parameter ("table=contact&id=…&view=rewards|statement").
 * Every record value is written with textContent.
 */

export type View = "rewards" | "statement";
export type DialogState = "loading" | "list" | "empty" | "confirm" | "working" | "done" | "error";

/** Which sections each state shows (the skeleton only while loading). */
const Sections: Readonly<Record<DialogState, readonly string[]>> = {
  loading: ["cx-skeleton"],
  list: ["cx-rewards", "cx-statement"],
  empty: [],
  confirm: ["cx-confirm"],
  working: ["cx-skeleton"],
  done: ["cx-done"],
  error: ["cx-error"],
};
const AllSections = ["cx-skeleton", "cx-error", "cx-rewards", "cx-confirm", "cx-done", "cx-statement"];

interface Session {
  readonly xrm: Xrm.XrmStatic;
  readonly customer: EntityReferenceParameter;
  readonly language: Language;
  readonly texts: MemberMessages;
  view: View;
  /** The voucher issued in this dialog and the points it cost: marking it used or cancelling it acts on it. */
  voucher: (Voucher & { readonly cost: number }) | null;
  /** Bumped on every load, so an answer that arrives after the user moved on is dropped. */
  generation: number;
}

function byId(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (found === null) throw new Error(`member.html lacks #${id}`);
  return found;
}

function cell(row: HTMLTableRowElement, text: string, className = ""): HTMLTableCellElement {
  const created = row.insertCell();
  created.textContent = text;
  if (className !== "") created.className = className;
  return created;
}

function render(state: DialogState, status: string): void {
  const main = byId("cx-member");
  main.dataset["state"] = state;
  const view = main.dataset["view"];
  for (const id of AllSections) {
    const visible = Sections[state].includes(id) && (id === "cx-rewards" ? view === "rewards" : id === "cx-statement" ? view === "statement" : true);
    byId(id).hidden = !visible;
  }
  byId("cx-status").textContent = status;
}

function renderLabels(language: Language): void {
  document.documentElement.lang = language;
  document.querySelectorAll<HTMLElement>("[data-es]").forEach((labelled) => {
    const english = (labelled.dataset["en"] ??= labelled.textContent.trim());
    labelled.textContent = language === "es" ? labelled.dataset["es"] ?? english : english;
  });
}

function numbers(s: Session): (value: number) => string {
  const formatter = new Intl.NumberFormat(localeOf(s.language), { maximumFractionDigits: 0 });
  return (value) => formatter.format(value);
}

function showError(lead: string, error: unknown, retry: () => void): void {
  byId("cx-error-text").textContent = lead;
  const detail = errorMessage(error, "").trim();
  byId("cx-error-message").textContent = detail;
  byId("cx-error-details").hidden = detail === "";
  byId("cx-retry").onclick = retry;
  render("error", lead);
}

function confirmReward(s: Session, reward: RedeemableReward): void {
  const points = (n: number): string => format(s.texts.points, { n: numbers(s)(n) });
  byId("cx-confirm-text").textContent = format(s.texts.confirm, { reward: reward.name, cost: points(reward.cost) });
  byId("cx-confirm-after").textContent = points(reward.after);
  byId("cx-confirm-yes").onclick = () => void redeemReward(s, reward);
  byId("cx-confirm-no").onclick = () => void showRewards(s);
  render("confirm", byId("cx-confirm-text").textContent);
  byId("cx-confirm-yes").focus();
}

async function showRewards(s: Session): Promise<void> {
  const generation = ++s.generation;
  render("loading", s.texts.loadingRewards);
  try {
    const catalogue = await loadCatalogue(s.xrm.WebApi.online, s.customer);
    if (generation !== s.generation) return;
    const format0 = numbers(s);
    byId("cx-available").textContent = format(s.texts.points, { n: format0(catalogue.available) });
    const body = byId("cx-reward-rows") as HTMLTableSectionElement;
    body.replaceChildren();
    for (const reward of catalogue.rewards) {
      const row = body.insertRow();
      cell(row, reward.name);
      cell(row, format0(reward.cost), "num");
      cell(row, format0(reward.after), "num");
      const choose = document.createElement("button");
      choose.type = "button";
      choose.className = "button";
      choose.textContent = byId("cx-confirm-yes").textContent;
      choose.setAttribute("aria-label", `${choose.textContent}: ${reward.name}`);
      choose.onclick = () => {
        confirmReward(s, reward);
      };
      row.insertCell().append(choose);
    }
    const count = catalogue.rewards.length;
    if (count === 0) render("empty", s.texts.noRewards);
    else render("list", count === 1 ? s.texts.rewardReady : format(s.texts.rewardsReady, { n: count }));
  } catch (error) {
    if (generation === s.generation) showError(s.texts.loadFailed, error, () => void showRewards(s));
  }
}

async function redeemReward(s: Session, reward: RedeemableReward): Promise<void> {
  render("working", s.texts.working);
  try {
    s.voucher = { ...(await redeem(s.xrm.WebApi.online, s.customer, reward.id)), cost: reward.cost };
  } catch (error) {
    // The plugin's refusal is already plain, localized text: it goes under Details, with a way back to the list.
    showError(s.texts.actionFailed, error, () => void showRewards(s));
    return;
  }
  byId("cx-voucher").textContent = s.voucher.code;
  voucherActions(s, true);
  render("done", s.texts.redeemed);
  byId("cx-done-text").textContent = s.texts.redeemed;
}

function voucherActions(s: Session, open: boolean): void {
  const id = s.voucher?.redemptionId ?? null;
  byId("cx-mark-used").hidden = !open || id === null;
  byId("cx-cancel").hidden = !open || id === null;
  byId("cx-again").onclick = () => void showRewards(s);
  if (id === null) return;
  byId("cx-mark-used").onclick = () => void changeVoucher(s, async () => {
    await markVoucherUsed(s.xrm.WebApi.online, id);
    return s.texts.used;
  });
  byId("cx-cancel").onclick = () => void changeVoucher(s, async () => {
    const balance = await cancelRedemption(s.xrm.WebApi.online, id);
    return format(s.texts.cancelled, { points: format(s.texts.points, { n: numbers(s)(s.voucher?.cost ?? 0) }), balance: numbers(s)(balance) });
  });
}

async function changeVoucher(s: Session, act: () => Promise<string>): Promise<void> {
  render("working", s.texts.working);
  try {
    const done = await act();
    voucherActions(s, false);
    byId("cx-done-text").textContent = done;
    render("done", done);
  } catch (error) {
    showError(s.texts.actionFailed, error, () => {
      voucherActions(s, true);
      render("done", s.texts.redeemed);
    });
  }
}

function statementRow(s: Session, body: HTMLTableSectionElement, line: StatementLine): void {
  const format0 = numbers(s);
  const dates = new Intl.DateTimeFormat(localeOf(s.language), { dateStyle: "medium" });
  const row = body.insertRow();
  cell(row, line.occurredOn === null ? "" : dates.format(line.occurredOn));
  cell(row, labelOf(s.texts, line.entryType));
  cell(row, line.reason);
  cell(row, line.source, "source");
  cell(row, labelOf(s.texts, line.state), `state state--${line.state.toLowerCase()}`);
  cell(row, (line.points > 0 ? "+" : "") + format0(line.points), "num");
  cell(row, format0(line.balance), "num");
}

async function showStatement(s: Session): Promise<void> {
  const generation = ++s.generation;
  render("loading", s.texts.loadingStatement);
  try {
    const lines = await loadStatement(s.xrm.WebApi.online, s.customer);
    if (generation !== s.generation) return;
    const body = byId("cx-statement-rows") as HTMLTableSectionElement;
    body.replaceChildren();
    // Newest first on screen; the running balance is the server's, computed oldest first.
    for (const line of [...lines].reverse()) statementRow(s, body, line);
    if (lines.length === 0) render("empty", s.texts.noMovements);
    else render("list", format(s.texts.statementReady, { n: lines.length }));
  } catch (error) {
    if (generation === s.generation) showError(s.texts.statementFailed, error, () => void showStatement(s));
  }
}

function switchTo(s: Session, view: View): Promise<void> {
  s.view = view;
  byId("cx-member").dataset["view"] = view;
  byId("cx-show-rewards").setAttribute("aria-pressed", String(view === "rewards"));
  byId("cx-show-statement").setAttribute("aria-pressed", String(view === "statement"));
  return view === "rewards" ? showRewards(s) : showStatement(s);
}

/** Opens the dialog on a customer: the view's one function call, then the user's steps. */
export function start(xrm: Xrm.XrmStatic, customer: EntityReferenceParameter | null, view: View = "rewards"): Promise<void> {
  const language = languageFromLcid(xrm.Utility.getGlobalContext().userSettings.languageId);
  const texts = memberMessagesFor(language);
  renderLabels(language);
  document.documentElement.classList.toggle("theme-dark", /themeOption(=|%3D)dark/i.test(window.location.search));
  if (customer === null) {
    showError(texts.noCustomer, null, () => undefined);
    byId("cx-retry").hidden = true;
    return Promise.resolve();
  }
  const s: Session = { xrm, customer, language, texts, view, voucher: null, generation: 0 };
  byId("cx-show-rewards").onclick = () => void switchTo(s, "rewards");
  byId("cx-show-statement").onclick = () => void switchTo(s, "statement");
  return switchTo(s, view);
}

/** The customer and view from the page's data parameter, as navigateTo passes it; null when it names no customer. */
export function customerFromSearch(search: string): { customer: EntityReferenceParameter | null; view: View } {
  const data = new URLSearchParams(new URLSearchParams(search).get("data") ?? "");
  const table = data.get("table") ?? "";
  const id = (data.get("id") ?? "").replace(/[{}]/g, "");
  const view: View = data.get("view") === "statement" ? "statement" : "rewards";
  return { customer: (table === "contact" || table === "account") && id !== "" ? { entityType: table, id } : null, view };
}

// In the dialog the page sits in an iframe of the app, which holds Xrm. (The bundle contract test runs without a DOM.)
if (typeof document === "object") {
  const host: unknown = (window.parent as unknown as Readonly<Record<string, unknown>>)["Xrm"];
  if (typeof host === "object" && host !== null) {
    const { customer, view } = customerFromSearch(window.location.search);
    void start(host as Xrm.XrmStatic, customer, view);
  } else {
    renderLabels(/^es\b/i.test(navigator.language) ? "es" : "en");
    byId("cx-status").textContent = memberMessagesFor(/^es\b/i.test(navigator.language) ? "es" : "en").waiting;
  }
}
