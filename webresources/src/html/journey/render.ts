import { completenessGaps, RelatedRowQuestions } from "../../lib/completeness";
import { format, localeOf, type Language } from "../../lib/i18n";
import {
  StageTrack, isOffTrack, phaseLabel, phaseNumber, stageLabel, stagePosition, tierProgress,
  type CustomerSnapshot, type PathProgress, type ProductLinePhase, type QualificationMeasure, type TierProgress,
} from "../../lib/journey";
import { journeyLabelsFor } from "../../lib/journeyLabels";
import { isPanelTextKey, panelMessagesFor, type PanelMessages, type PanelTextKey } from "./panelMessages";
import type { JourneyData, NextExpiry } from "./journeyQuery";

/**
 * DOM rendering of the panel. Every record value goes through textContent, never markup,
 * so a customer named "<img src=x onerror=...>" is just text.
 */

export type PanelState = "waiting" | "loading" | "stale" | "ready" | "error" | "unsaved";

function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`journey.html lacks #${id}`);
  return element;
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

/** Translates the fixed labels (data-text="key") and sets the page language. */
export function renderLabels(language: Language): void {
  document.documentElement.lang = language;
  const texts = panelMessagesFor(language);
  document.querySelectorAll<HTMLElement>("[data-text]").forEach((labelled) => {
    const key = labelled.dataset["text"] ?? "";
    if (isPanelTextKey(key)) labelled.textContent = texts[key];
  });
}

/** The panel's state drives the skeletons and what may show (journey.css); the status region says it in words. */
export function renderState(state: PanelState, status: string): void {
  const main = byId("cx-journey");
  main.dataset["state"] = state;
  main.setAttribute("aria-busy", String(state === "loading" || state === "stale" || state === "waiting"));
  byId("cx-status").textContent = status;
  if (state !== "error") byId("cx-error").hidden = true;
}

/** Plain words and a retry up front; the platform's message and code only behind "Details", and only when there is one. */
export function renderError(language: Language, message: string | null, code: string | null, retry: () => void): void {
  const texts = panelMessagesFor(language);
  renderState("error", texts.loadFailed);
  byId("cx-error").hidden = false;
  byId("cx-error-message").textContent = message ?? "";
  byId("cx-error-code").textContent = code === null ? "" : format(texts.errorCode, { code });
  byId("cx-error-details").hidden = message === null && code === null;
  byId("cx-retry").onclick = retry;
}

function renderStageTrack(snapshot: CustomerSnapshot, previousStage: number | null, language: Language, texts: PanelMessages): void {
  const messages = journeyLabelsFor(language);
  const offTrack = isOffTrack(snapshot.stage);
  // An at-risk or lapsed customer keeps the progress they made: the track shows the stage they left, dimmed.
  const position = offTrack ? stagePosition(previousStage) : stagePosition(snapshot.stage);
  const track = byId("cx-stage-track");
  track.replaceChildren(
    ...StageTrack.map((stage, index) => {
      const item = element("li", "stage", stageLabel(stage, messages) ?? "");
      if (index < position) item.classList.add("stage--done");
      if (index === position && !offTrack) {
        item.classList.add("stage--current");
        item.setAttribute("aria-current", "step");
      }
      if (index === position && offTrack) item.classList.add("stage--left");
      return item;
    }),
  );
  const flag = byId("cx-stage-flag");
  flag.hidden = !offTrack;
  const stage = stageLabel(snapshot.stage, messages) ?? "";
  const previous = offTrack ? stageLabel(previousStage, messages) : null;
  flag.textContent = !offTrack ? "" : previous === null ? format(texts.offTrack, { stage }) : format(texts.offTrackWas, { stage, previous });
}

function renderFacts(snapshot: CustomerSnapshot, expiry: NextExpiry | null, formats: Formats): void {
  const { texts } = formats;
  const points = (value: number | null): string => (value === null ? texts.notAvailable : formats.number(value));
  byId("cx-tier-name").textContent = snapshot.tierName ?? texts.noTier;
  const validity = byId("cx-tier-validity");
  validity.textContent = snapshot.tierName !== null && snapshot.tierValidUntil !== null
    ? format(texts.validUntil, { date: formats.date(snapshot.tierValidUntil) })
    : "";
  validity.hidden = validity.textContent === "";
  byId("cx-points-balance").textContent = points(snapshot.pointsBalance);
  const pending = byId("cx-pending-points");
  pending.textContent = points(snapshot.pendingPoints);
  pending.title = texts.pendingHint;
  byId("cx-qualifying-points").textContent = points(snapshot.qualifyingPoints);
  byId("cx-expiry-row").hidden = expiry === null;
  byId("cx-next-expiry").textContent = expiry === null
    ? ""
    : format(texts.expiryValue, { points: amount("points", expiry.points, formats), date: formats.date(expiry.on) });
  byId("cx-upgrade-blocked").hidden = !snapshot.upgradeBlocked;
  byId("cx-upgrade-blocked-reason").textContent = snapshot.upgradeBlocked ? snapshot.upgradeBlockedReason ?? "" : "";
}

const pathNames: Readonly<Record<QualificationMeasure, PanelTextKey>> = {
  points: "pathPoints",
  spend: "pathSpend",
  purchases: "pathPurchases",
};

/** "700 points", "1 purchase", "250 of spend". */
function amount(measure: QualificationMeasure, value: number, formats: Formats): string {
  const { texts } = formats;
  const n = formats.number(value);
  if (measure === "spend") return format(texts.amountSpend, { n });
  if (measure === "points") return value === 1 ? texts.amountPoint : format(texts.amountPoints, { n });
  return value === 1 ? texts.amountPurchase : format(texts.amountPurchases, { n });
}

function pathItem(path: PathProgress, closest: boolean, formats: Formats): HTMLLIElement {
  const { texts } = formats;
  const name = texts[pathNames[path.measure]];
  const item = element("li", closest ? "path path--closest" : "path");
  const label = element("span", "path__name", name);
  if (closest) label.append(" ", element("span", "path__badge", texts.closestPath));
  const value = element("span", "path__value", format(texts.pathValue, { value: formats.number(path.value), threshold: formats.number(path.threshold) }));
  const bar = element("progress", "path__bar");
  bar.max = 100;
  bar.value = path.percent;
  bar.setAttribute("aria-label", name);
  bar.setAttribute("aria-valuetext", `${String(path.percent)} %`);
  item.append(label, value, bar);
  return item;
}

function renderTierProgress(progress: TierProgress, formats: Formats): void {
  const { texts } = formats;
  const headline = byId("cx-tier-progress-text");
  const paths = byId("cx-paths");
  switch (progress.kind) {
    case "progress": {
      const { closest, nextTier: tier } = progress;
      const what = amount(closest.measure, closest.remaining, formats);
      headline.textContent = closest.remaining === 0
        ? format(texts.qualifiesFor, { tier })
        : format(progress.firstTier ? texts.toFirstTier : texts.toNextTier, { amount: what, tier });
      paths.replaceChildren(...progress.paths.map((path) => pathItem(path, progress.paths.length > 1 && path === closest, formats)));
      break;
    }
    case "top":
      headline.textContent = texts.topTier;
      paths.replaceChildren();
      break;
    case "unknown":
      headline.textContent = texts.noTiers;
      paths.replaceChildren();
      break;
  }
}

function renderCompleteness(snapshot: CustomerSnapshot, texts: PanelMessages): void {
  const gaps = completenessGaps({
    score: snapshot.profileCompleteness,
    stage: snapshot.stage,
    paidInvoiceCount: snapshot.paidInvoiceCount,
    lastInteractionOn: snapshot.lastInteractionOn,
    lastInteractionDuration: snapshot.lastInteractionDuration,
  });
  byId("cx-completeness").textContent = gaps === null ? texts.completenessUnknown : `${String(gaps.score)} %`;
  const list = byId("cx-missing");
  const items = (gaps?.missing ?? []).map((question) => element("li", "", texts[question]));
  if (gaps !== null && gaps.relatedMissing === RelatedRowQuestions.length) {
    items.push(...RelatedRowQuestions.map((question) => element("li", "", texts[question])));
  } else if (gaps !== null && gaps.relatedMissing > 0) {
    const questions = RelatedRowQuestions.map((question) => texts[question]).join(", ");
    items.push(element("li", "", format(texts.relatedMissing, { n: gaps.relatedMissing, questions })));
  }
  if (gaps !== null && items.length === 0) items.push(element("li", "missing__none", texts.completeProfile));
  list.replaceChildren(...items);
  byId("cx-missing-block").hidden = gaps === null;
}

/** Everything that comes from the form itself (or the form merged with the query's customer row). */
export function renderSnapshot(snapshot: CustomerSnapshot, language: Language, journey?: JourneyData): void {
  const formats = formatsFor(language);
  byId("cx-customer-name").textContent = snapshot.name ?? "";
  renderStageTrack(snapshot, journey?.previousStage ?? null, language, formats.texts);
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

function renderPhases(rows: readonly ProductLinePhase[], language: Language, texts: PanelMessages): void {
  const messages = journeyLabelsFor(language);
  const body = byId("cx-phase-rows");
  if (rows.length === 0) {
    const row = element("tr", "");
    const cell = element("td", "phases__empty", texts.noPhases);
    cell.colSpan = 2;
    row.append(cell);
    body.replaceChildren(row);
    return;
  }
  body.replaceChildren(
    ...rows.map((phaseRow) => {
      const row = element("tr", "");
      const name = element("th", "", phaseRow.productLine ?? texts.unknownProductLine);
      name.scope = "row";
      // Steps first, in a fixed-width box, so the indicators line up whatever the label's length.
      const phase = element("td", "phases__phase");
      phase.append(phaseSteps(phaseNumber(phaseRow.phase)), element("span", "", phaseLabel(phaseRow.phase, messages) ?? texts.notAvailable));
      row.append(name, phase);
      return row;
    }),
  );
}

/** What the one query adds: the customer's current columns, tier progress on every path, expiry and phases. */
export function renderJourney(snapshot: CustomerSnapshot, journey: JourneyData, language: Language): void {
  const formats = formatsFor(language);
  renderSnapshot(snapshot, language, journey);
  const measures = { points: snapshot.qualifyingPoints, spend: snapshot.spend, purchases: snapshot.purchases };
  renderTierProgress(tierProgress(measures, snapshot.tierId, journey.tiers), formats);
  renderPhases(journey.phases, language, formats.texts);
}
