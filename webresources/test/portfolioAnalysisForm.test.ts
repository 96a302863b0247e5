import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { XrmMockGenerator } from "xrm-mock";
import * as AnalysisForm from "../src/forms/portfolioAnalysis";
import { AnalysisStatus, PortfolioAnalysis } from "../src/lib/schema";
import { Spanish, eventContext, initialiseForm, spyOnServerCalls, totalCalls } from "./support/xrm";

describe("portfolio analysis form", () => {
  let formContext: Xrm.FormContext;

  beforeEach(() => {
    formContext = initialiseForm({ entityName: PortfolioAnalysis.table });
    XrmMockGenerator.Attribute.createOptionSet(PortfolioAnalysis.status, AnalysisStatus.Running);
    XrmMockGenerator.Attribute.createNumber(PortfolioAnalysis.processedCount, 45_000);
    XrmMockGenerator.Attribute.createNumber(PortfolioAnalysis.totalCount, 100_000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("shows the progress of a running analysis without calling the server", () => {
    const spies = spyOnServerCalls();
    const notify = vi.spyOn(formContext.ui, "setFormNotification");
    AnalysisForm.onLoad(eventContext());
    expect(notify).toHaveBeenCalledWith(
      "Portfolio analysis running: 45% (45,000 of 100,000 customers).", "INFO", AnalysisForm.ProgressNotificationId);
    expect(totalCalls(spies)).toBe(0);
  });

  it("reports completion in Spanish", () => {
    XrmMockGenerator.context.userSettings.languageId = Spanish;
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Completed);
    expect(AnalysisForm.progressNotice(formContext)?.text).toBe("Análisis de cartera completado: 100.000 clientes analizados.");
  });

  it("reports a failure as an error", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Failed);
    expect(AnalysisForm.progressNotice(formContext)?.level).toBe("ERROR");
  });

  it("updates the progress after a data refresh", () => {
    AnalysisForm.onLoad(eventContext());
    formContext.getAttribute(PortfolioAnalysis.processedCount)!.setValue(90_000);
    AnalysisForm.onDataLoad(eventContext());
    const shown = (formContext.ui as unknown as { formNotifications: { message: string }[] }).formNotifications;
    expect(shown.map((n) => n.message)).toEqual(["Portfolio analysis running: 90% (90,000 of 100,000 customers)."]);
  });
});
