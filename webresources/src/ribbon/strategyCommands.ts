import { isActionableRecord } from "./guards";
import { withProgress } from "./progress";
import { advanceStrategyStepRequest } from "../lib/customApis";
import { errorMessage } from "../lib/errors";
import { readNumber, recordId } from "../lib/formData";
import { format, localeOf, userLanguage } from "../lib/i18n";
import { ribbonMessagesFor } from "./ribbonMessages";
import { PortfolioAnalysis, Strategy, StrategyStep } from "../lib/schema";
import { FormNotificationLevel } from "../lib/xrmConstants";

/**
 * cx_crmstrategy command bar -> CrmExtensions.StrategyRibbon (cx_/scripts/strategy_commands.js).
 * RibbonDiffXml passes <CrmParameter Value="PrimaryControl"/>, i.e. the form context.
 */

export const AdvanceNotificationId = "cx_strategy_advance";

/** Command "Advance step": the custom API enforces the stage gate; its refusal is shown as is. */
export async function advanceStep(primaryControl: Xrm.FormContext): Promise<void> {
  const messages = ribbonMessagesFor(userLanguage());
  const strategyId = recordId(primaryControl);
  if (strategyId === null) return;
  try {
    await withProgress(messages.advanceWorking, () =>
      Xrm.WebApi.online.execute(advanceStrategyStepRequest(strategyId)),
    );
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({
      title: messages.advanceRefusedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return;
  }
  await primaryControl.data.refresh(false);
  primaryControl.ui.setFormNotification(messages.advanceDone, FormNotificationLevel.Info, AdvanceNotificationId);
}

/** Enable rule of "Advance step": an active, saved strategy that is not on its last step. */
export function canAdvanceStep(primaryControl: Xrm.FormContext): boolean {
  const step = readNumber(primaryControl, Strategy.currentStep);
  return isActionableRecord(primaryControl) && step !== StrategyStep.LifecycleManagement;
}

/**
 * Command "Analyze portfolio": creates a cx_portfolioanalysis for this strategy and opens it.
 * The paged background job starts on create; the analysis form shows its progress.
 */
export async function analyzePortfolio(primaryControl: Xrm.FormContext): Promise<void> {
  const language = userLanguage();
  const messages = ribbonMessagesFor(language);
  const strategyId = recordId(primaryControl);
  if (strategyId === null) return;
  const date = new Intl.DateTimeFormat(localeOf(language), { dateStyle: "medium", timeStyle: "short" }).format(new Date());
  const analysis = {
    [PortfolioAnalysis.name]: format(messages.analysisName, { date }),
    [`${PortfolioAnalysis.strategyNavigation}@odata.bind`]: `/${Strategy.entitySet}(${strategyId})`,
  };
  let analysisId: string;
  try {
    const created = await withProgress(messages.analysisWorking, () =>
      Xrm.WebApi.createRecord(PortfolioAnalysis.table, analysis),
    );
    analysisId = created.id;
  } catch (error) {
    await Xrm.Navigation.openAlertDialog({
      title: messages.analysisFailedTitle,
      text: errorMessage(error, messages.unknownError),
    });
    return;
  }
  await Xrm.Navigation.openForm({ entityName: PortfolioAnalysis.table, entityId: analysisId });
}

/** Enable rule of "Analyze portfolio": a saved, active strategy. */
export function canAnalyzePortfolio(primaryControl: Xrm.FormContext): boolean {
  return isActionableRecord(primaryControl);
}
