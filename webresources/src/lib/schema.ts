/**
 * Every table, column and choice value the web resources rely on, in one place.
 * Names are string enums: esbuild inlines each member where it is used, so a bundle carries only the names it reads.
 *
 * These follow the data model in tools/Crm.Extensions.Cli/Model (prefix cx, choice values from 586700000). When solution/src
 * defines them differently, this file is the only one to change; webresources/README.md
 * lists the same names for reconciliation.
 */

/**
 * Columns added to both contact and account (same logical names on both tables), as defined in
 * solution/src/Entities/{Contact,Account}/Entity.xml and the generated EarlyBound/Contact.cs.
 */
export enum CustomerColumn {
  lifecycleStage = "cx_lifecyclestage",
  lifecycleStageChangedOn = "cx_lifecyclestagechangedon",
  loyaltyTier = "cx_loyaltytierid",
  tierValidUntil = "cx_tiervaliduntil",
  pointsBalance = "cx_pointsbalance",
  pendingPoints = "cx_pendingpoints",
  qualifyingPoints = "cx_qualifyingpoints",
  upgradeBlocked = "cx_upgradeblocked",
  upgradeBlockedReason = "cx_upgradeblockedreason",
  recencyScore = "cx_recencyscore",
  frequencyScore = "cx_frequencyscore",
  monetaryScore = "cx_monetaryscore",
  rfmScore = "cx_rfmscore",
  segment = "cx_customersegmentid",
  lifetimeValue = "cx_clv",
  totalRevenue = "cx_totalrevenue",
  totalRevenueBase = "cx_totalrevenue_base",
  totalProfit = "cx_totalprofit",
  purchaseCount = "cx_purchasecount",
  lastPurchaseOn = "cx_lastpurchaseon",
  isTarget = "cx_istarget",
  profileCompleteness = "cx_profilecompleteness",
  lastInteractionOn = "cx_lastinteractionon",
  lastInteractionDuration = "cx_lastinteractionduration",
  paidInvoiceCount = "cx_paidinvoicecount",
  consentMarketing = "cx_consentmarketing",
  consentProfiling = "cx_consentprofiling",
  consentPreferences = "cx_consentpreferences",
  stateCode = "statecode",
}

/**
 * Columns that plugins and the portfolio analysis compute; users must not edit them on the form.
 * Not here on purpose: cx_loyaltyblocked and cx_tierfloorid (administrators set them) and the consents.
 */
// The two lists are built in pure calls so a bundle that does not use them (the journey panel) leaves them out.
export const ComputedCustomerColumns: readonly string[] = /* @__PURE__ */ (() => [
  CustomerColumn.lifecycleStage,
  CustomerColumn.lifecycleStageChangedOn,
  CustomerColumn.loyaltyTier,
  CustomerColumn.tierValidUntil,
  CustomerColumn.pointsBalance,
  CustomerColumn.pendingPoints,
  CustomerColumn.qualifyingPoints,
  CustomerColumn.upgradeBlocked,
  CustomerColumn.upgradeBlockedReason,
  CustomerColumn.recencyScore,
  CustomerColumn.frequencyScore,
  CustomerColumn.monetaryScore,
  CustomerColumn.rfmScore,
  CustomerColumn.segment,
  CustomerColumn.lifetimeValue,
  CustomerColumn.totalRevenue,
  CustomerColumn.totalProfit,
  CustomerColumn.purchaseCount,
  CustomerColumn.lastPurchaseOn,
  CustomerColumn.isTarget,
  CustomerColumn.profileCompleteness,
  CustomerColumn.lastInteractionOn,
  CustomerColumn.lastInteractionDuration,
])();

/** Two-option consent columns (privacy by purpose): true = consent granted, false = withdrawn. */
export const ConsentColumns: readonly string[] = /* @__PURE__ */ (() => [
  CustomerColumn.consentMarketing,
  CustomerColumn.consentProfiling,
  CustomerColumn.consentPreferences,
])();

/** Primary name column per customer table. */
export const CustomerNameColumn: Readonly<Record<string, string>> = {
  contact: "fullname",
  account: "name",
};

/** Global choice cx_lifecyclestage. */
export enum LifecycleStage {
  Prospect = 586700000,
  New = 586700001,
  Repeat = 586700002,
  Loyal = 586700003,
  Advocate = 586700004,
  AtRisk = 586700005,
  Lapsed = 586700006,
}

/** Global choice cx_loyaltyphase (the three-phase loyalty cycle, per product line). */
export enum LoyaltyPhase {
  Knowledge = 586700000,
  Growth = 586700001,
  Retention = 586700002,
}

/** One row per customer and product family: where that product line is in the loyalty cycle. */
export enum LoyaltyJourney {
  table = "cx_loyaltyjourney",
  id = "cx_loyaltyjourneyid",
  customer = "cx_customerid",
  productFamily = "cx_productfamilyid",
  phase = "cx_phase",
}

export enum LoyaltyTier {
  table = "cx_loyaltytier",
  id = "cx_loyaltytierid",
  name = "cx_name",
  program = "cx_loyaltyprogramid",
  /** Higher rank = better tier (TierEvaluator orders by it). */
  rank = "cx_rank",
  /** The three qualification paths (LoyaltyProgramReader): any one met earns the tier; an empty one is no path. */
  minQualifyingPoints = "cx_minqualifyingpoints",
  minSpend = "cx_minspend",
  minTransactions = "cx_mintransactions",
}

export enum LoyaltyProgram {
  table = "cx_loyaltyprogram",
  id = "cx_loyaltyprogramid",
  createdOn = "createdon",
}

/** Ledger rows (cx_loyaltytransaction): an earned lot keeps its unspent points in cx_remainingpoints. */
export enum LoyaltyLedger {
  table = "cx_loyaltytransaction",
  id = "cx_loyaltytransactionid",
  customer = "cx_customerid",
  status = "cx_entrystatus",
  remainingPoints = "cx_remainingpoints",
  expiresOn = "cx_expireson",
}

/** Choice cx_entrystatus of the ledger. */
export enum LedgerEntryStatus { Pending = 586700000, Available = 586700001 }

/** History of stage changes (cx_lifecycletransition). */
export enum LifecycleTransition {
  table = "cx_lifecycletransition",
  id = "cx_lifecycletransitionid",
  customer = "cx_customerid",
  fromStage = "cx_fromstage",
  toStage = "cx_tostage",
  on = "cx_transitionedon",
}

export const Survey = {
  table: "cx_satisfactionsurvey",
  nps: "cx_npsscore",
  csat: "cx_csatscore",
} as const;

export const Interaction = {
  table: "cx_interaction",
  occurredOn: "cx_occurredon",
  channel: "cx_channel",
  kind: "cx_kind",
} as const;

/** Global choice cx_interactionchannel. */
export const InteractionChannel = {
  Phone: 586700000,
  Email: 586700001,
  InPerson: 586700002,
  Web: 586700003,
  SocialMedia: 586700004,
  Chat: 586700005,
  Store: 586700006,
} as const;

/** Global choice cx_interactionkind: behavioural data (what happened) or preference data (what they like). */
export const InteractionKind = {
  Behavioural: 586700000,
  Preference: 586700001,
} as const;

export const Strategy = {
  table: "cx_crmstrategy",
  entitySet: "cx_crmstrategies",
  currentStep: "cx_currentstep",
} as const;

/** Local choice cx_currentstep: the five steps of the CRM process, in order. */
export const StrategyStep = {
  PortfolioAnalysis: 586700000,
  CustomerIntimacy: 586700001,
  NetworkDevelopment: 586700002,
  ValueProposition: 586700003,
  LifecycleManagement: 586700004,
} as const;

export const PortfolioAnalysis = {
  table: "cx_portfolioanalysis",
  name: "cx_name",
  /** Single-valued navigation property of the cx_crmstrategyid lookup, for @odata.bind. */
  strategyNavigation: "cx_crmstrategyid",
  status: "cx_analysisstatus",
  processedCount: "cx_processedcount",
  customerCount: "cx_customercount",
  progressPercent: "cx_progresspercent",
  errorMessage: "cx_errormessage",
} as const;

/** Local choice cx_analysisstatus. */
export const AnalysisStatus = {
  Queued: 586700000,
  Running: 586700001,
  Completed: 586700002,
  Failed: 586700003,
  Cancelled: 586700004,
  Paused: 586700005,
} as const;

export const Reward = { table: "cx_reward" } as const;

/** cx_rewardredemption: the voucher; cx_redemptionstatus is written only by cx_MarkVoucherUsed and cx_CancelRedemption. */
export const Redemption = { table: "cx_rewardredemption", status: "cx_redemptionstatus", issued: 586700000 } as const;
