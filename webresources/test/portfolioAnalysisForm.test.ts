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
    XrmMockGenerator.Attribute.createNumber(PortfolioAnalysis.customerCount, 100_000);
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

  it("prefers the job's own percentage while running", () => {
    XrmMockGenerator.Attribute.createNumber(PortfolioAnalysis.progressPercent, 47);
    expect(AnalysisForm.progressNotice(formContext)?.text).toBe("Portfolio analysis running: 47% (45,000 of 100,000 customers).");
  });

  it("reports a failure as an error with the job's reason", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Failed);
    XrmMockGenerator.Attribute.createString(PortfolioAnalysis.errorMessage, "Page 12 timed out.");
    expect(AnalysisForm.progressNotice(formContext)).toEqual({
      text: "Portfolio analysis stopped. Page 12 timed out.",
      level: "ERROR",
    });
  });

  it("shows the saved progress while the next unit of work waits in the queue", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Queued);
    expect(AnalysisForm.progressNotice(formContext)?.text).toBe("Portfolio analysis running: 45% (45,000 of 100,000 customers).");
  });

  it("says queued when nothing has run yet", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Queued);
    formContext.getAttribute(PortfolioAnalysis.processedCount)!.setValue(0);
    expect(AnalysisForm.progressNotice(formContext)?.text).toBe("Portfolio analysis queued.");
  });

  it("reports a paused analysis as a warning with how to continue", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Paused);
    XrmMockGenerator.Attribute.createNumber(PortfolioAnalysis.progressPercent, 60);
    XrmMockGenerator.Attribute.createString(PortfolioAnalysis.errorMessage, "Choose Resume to continue where it stopped.");
    expect(AnalysisForm.progressNotice(formContext)).toEqual({
      text: "Portfolio analysis paused at 60%. Choose Resume to continue where it stopped.",
      level: "WARNING",
    });
  });

  it("reports a cancelled analysis as a warning", () => {
    formContext.getAttribute(PortfolioAnalysis.status)!.setValue(AnalysisStatus.Cancelled);
    expect(AnalysisForm.progressNotice(formContext)).toEqual({ text: "Portfolio analysis cancelled.", level: "WARNING" });
  });

  it("updates the progress after a data refresh", () => {
    AnalysisForm.onLoad(eventContext());
    formContext.getAttribute(PortfolioAnalysis.processedCount)!.setValue(90_000);
    AnalysisForm.onDataLoad(eventContext());
    const shown = (formContext.ui as unknown as { formNotifications: { message: string }[] }).formNotifications;
    expect(shown.map((n) => n.message)).toEqual(["Portfolio analysis running: 90% (90,000 of 100,000 customers)."]);
  });
});
