import { completenessGaps } from "../../lib/completeness";
import { format, localeOf, type Language } from "../../lib/i18n";
import {
  isOffTrack, phaseNumber, stagePosition, tierProgress,
  type CustomerSnapshot, type ProductLinePhase, type QualificationMeasure, type TierProgress,
} from "../../lib/journey";
import { panelMessagesFor, type PanelMessages } from "./panelMessages";
import type { JourneyData, NextExpiry } from "./journeyQuery";

/**
 * DOM rendering of the panel. Every record value goes through textContent, never markup,
 * so a customer named "<img src=x onerror=...>" is just text.
 */

export type PanelState = "waiting" | "loading" | "stale" | "ready" | "error" | "unsaved";

const Measures: readonly QualificationMeasure[] = ["points", "spend", "purchases"];

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`journey.html lacks #${id}`);
  return element;
}

function setText(id: string, text: string): HTMLElement {
  const target = byId(id);
  target.textContent = text;
  return target;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className !== "") created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

/** Number and date formatting in the user's language. */
interface Formats {
  readonly texts: PanelMessages;
  readonly number: (value: number) => string;
  readonly date: (value: Date) => string;
}

function formatsFor(language: Language): Formats {
  const locale = localeOf(language);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium" });
  return { texts: panelMessagesFor(language), number: (value) => numbers.format(value), date: (value) => dates.format(value) };
}

/** Swaps the fixed labels to the user's language (English stays in data-en once first swapped) and sets the page language. */
export function renderLabels(language: Language): void {
  document.documentElement.lang = language;
  document.querySelectorAll<HTMLElement>("[data-es]").forEach((labelled) => {
    const english = (labelled.dataset["en"] ??= labelled.textContent.trim());
    labelled.textContent = language === "es" ? labelled.dataset["es"] ?? english : english;
  });
}

/** The panel's state drives the skeletons and what may show (journey.css); the status region says it in words. */
export function renderState(state: PanelState, status: string): void {
  const main = byId("cx-journey");
  main.dataset["state"] = state;
  main.ariaBusy = String(state === "loading" || state === "stale" || state === "waiting");
  setText("cx-status", status);
  if (state !== "error") byId("cx-error").hidden = true;
}

/** Plain words and a retry up front; the platform's message and code only behind "Details", and only when there is one. */
export function renderError(language: Language, message: string | null, code: string | null, retry: () => void): void {
  renderState("error", panelMessagesFor(language).loadFailed);
  byId("cx-error").hidden = false;
  setText("cx-error-message", message ?? "");
  setText("cx-error-code", code ?? "");
  byId("cx-error-details").hidden = message === null && code === null;
  byId("cx-retry").onclick = retry;
}

/** A stage or phase label, as journey.html carries it in the user's language (cx-stage-<value>, cx-phase-<value>). */
function choiceLabel(kind: "stage" | "phase", value: number | null): string | null {
  return value === null ? null : document.getElementById(`cx-${kind}-${String(value)}`)?.textContent ?? null;
}

function renderStageTrack(snapshot: CustomerSnapshot, previousStage: number | null, texts: PanelMessages): void {
  const offTrack = isOffTrack(snapshot.stage);
  // An at-risk or lapsed customer keeps the progress they made: the track shows the stage they left, marked apart.
  const position = stagePosition(offTrack ? previousStage : snapshot.stage);
  const steps = [...byId("cx-stage-track").children];
  steps.forEach((item, index) => {
    item.className = "stage";
    item.removeAttribute("aria-current");
    if (index < position) item.classList.add("stage--done");
    if (index === position) item.classList.add(offTrack ? "stage--left" : "stage--current");
    if (index === position && !offTrack) item.setAttribute("aria-current", "step");
  });
  const stage = choiceLabel("stage", snapshot.stage) ?? "";
  const previous = steps[position]?.textContent ?? null;
  const flag = previous === null ? format(texts.offTrack, { stage }) : format(texts.offTrackWas, { stage, previous });
  setText("cx-stage-flag", flag).hidden = !offTrack;
}

/** "700 points", "1 purchase", "250 of spend". */
function amount(measure: QualificationMeasure, value: number, formats: Formats): string {
  const { texts } = formats;
  const n = formats.number(value);
  if (measure === "spend") return format(texts.spend, { n });
  if (value === 1) return measure === "points" ? texts.point : texts.purchase;
  return format(measure === "points" ? texts.points : texts.purchases, { n });
}

function renderFacts(snapshot: CustomerSnapshot, expiry: NextExpiry | null, formats: Formats): void {
  const { texts } = formats;
  const points = (value: number | null): string => (value === null ? texts.notAvailable : formats.number(value));
  setText("cx-tier-name", snapshot.tierName ?? texts.noTier);
  const until = snapshot.tierName === null ? null : snapshot.tierValidUntil;
  setText("cx-tier-validity", until === null ? "" : format(texts.validUntil, { date: formats.date(until) })).hidden = until === null;
  setText("cx-points-balance", points(snapshot.pointsBalance));
  setText("cx-pending-points", points(snapshot.pendingPoints));
  setText("cx-qualifying-points", points(snapshot.qualifyingPoints));
  byId("cx-expiry-row").hidden = expiry === null;
  setText("cx-next-expiry", expiry === null
    ? ""
    : format(texts.expiryValue, { points: amount("points", expiry.points, formats), date: formats.date(expiry.on) }));
  byId("cx-upgrade-blocked").hidden = !snapshot.upgradeBlocked;
  setText("cx-upgrade-blocked-reason", snapshot.upgradeBlocked ? snapshot.upgradeBlockedReason ?? "" : "");
}

function renderTierProgress(progress: TierProgress, formats: Formats): void {
  const { texts } = formats;
  const paths = progress.kind === "progress" ? progress.paths : [];
  for (const measure of Measures) {
    const row = byId(`cx-path-${measure}`);
    const path = paths.find((candidate) => candidate.measure === measure);
    row.hidden = path === undefined;
    if (path === undefined) continue;
    row.classList.toggle("path--closest", paths.length > 1 && progress.kind === "progress" && progress.closest === path);
    (row.querySelector(".path__value") as HTMLElement).textContent =
      format(texts.pathValue, { value: formats.number(path.value), threshold: formats.number(path.threshold) });
    (row.querySelector("progress") as HTMLProgressElement).value = path.percent;
  }
  let headline = texts.noTiers;
  if (progress.kind === "top") headline = texts.topTier;
  if (progress.kind === "progress") {
    const { closest, nextTier: tier } = progress;
    headline = closest.remaining === 0
      ? format(texts.qualifiesFor, { tier })
      : format(progress.firstTier ? texts.toFirstTier : texts.toNextTier, {
        amount: amount(closest.measure, closest.remaining, formats),
        tier,
      });
  }
  setText("cx-tier-progress-text", headline);
}

function renderCompleteness(snapshot: CustomerSnapshot, texts: PanelMessages): void {
  const gaps = completenessGaps({
    score: snapshot.profileCompleteness,
    stage: snapshot.stage,
    paidInvoiceCount: snapshot.paidInvoiceCount,
    lastInteractionOn: snapshot.lastInteractionOn,
    lastInteractionDuration: snapshot.lastInteractionDuration,
  });
  setText("cx-completeness", gaps === null ? texts.notAvailable : `${String(gaps.score)} %`);
  byId("cx-missing-block").hidden = gaps === null;
  const missing: readonly string[] = gaps?.missing ?? [];
  document.querySelectorAll<HTMLElement>("[data-question]").forEach((item) => {
    item.hidden = !missing.includes(item.dataset["question"] ?? "");
  });
  const related = gaps?.relatedMissing ?? 0;
  byId("cx-related").hidden = related === 0;
  setText("cx-related-count", format(texts.relatedOpen, { n: related }));
  byId("cx-complete").hidden = gaps === null || missing.length > 0 || related > 0;
}

/** Everything that comes from the form itself (and, once the query answered, its expiry and previous stage). */
export function renderSnapshot(snapshot: CustomerSnapshot, language: Language, journey?: JourneyData): void {
  const formats = formatsFor(language);
  setText("cx-customer-name", snapshot.name ?? "");
  renderStageTrack(snapshot, journey?.previousStage ?? null, formats.texts);
  renderFacts(snapshot, journey?.nextExpiry ?? null, formats);
  renderCompleteness(snapshot, formats.texts);
}

function phaseSteps(reached: number): HTMLElement {
  const steps = element("span", "phase-steps");
  steps.setAttribute("aria-hidden", "true");
  for (let step = 1; step <= 3; step += 1) {
    steps.append(element("span", step <= reached ? "phase-steps__step phase-steps__step--reached" : "phase-steps__step"));
  }
  return steps;
}

function renderPhases(rows: readonly ProductLinePhase[], texts: PanelMessages): void {
  if (rows.length === 0) {
    const cell = element("td", "phases__empty", texts.noPhases);
    cell.colSpan = 2;
    const row = element("tr", "");
    row.append(cell);
    byId("cx-phase-rows").replaceChildren(row);
    return;
  }
  byId("cx-phase-rows").replaceChildren(
    ...rows.map((phaseRow) => {
      const row = element("tr", "");
      const name = element("th", "", phaseRow.productLine ?? texts.unknownProductLine);
      name.scope = "row";
      // Steps first, in a box of fixed width, so the indicators line up whatever the label's length.
      const phase = element("td", "phases__phase");
      const label = choiceLabel("phase", phaseRow.phase) ?? texts.notAvailable;
      phase.append(phaseSteps(phaseNumber(phaseRow.phase)), element("span", "", label));
      row.append(name, phase);
      return row;
    }),
  );
}

/** What the one query adds: tier progress on every path, expiry, where an off-track customer was, and the phases. */
export function renderJourney(snapshot: CustomerSnapshot, journey: JourneyData, language: Language): void {
  const formats = formatsFor(language);
  renderSnapshot(snapshot, language, journey);
  const measures = { points: snapshot.qualifyingPoints, spend: snapshot.spend, purchases: snapshot.purchases };
  renderTierProgress(tierProgress(measures, snapshot.tierId, journey.tiers), formats);
  renderPhases(journey.phases, formats.texts);
}
