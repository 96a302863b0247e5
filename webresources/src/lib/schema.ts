/**
 * Every table, column and choice value the web resources rely on, in one place.
 *
 * These follow DESIGN §3 (prefix cx, choice values from 586700000). When solution/src
 * defines them differently, this file is the only one to change; webresources/README.md
 * lists the same names for reconciliation.
 */

/** Columns added to both contact and account (same logical names on both tables). */
export const CustomerColumn = {
  lifecycleStage: "cx_lifecyclestage",
  loyaltyTier: "cx_loyaltytierid",
  loyaltyPhase: "cx_loyaltyphase",
  pointsBalance: "cx_pointsbalance",
  qualifyingPoints: "cx_qualifyingpoints",
  pointsToNextTier: "cx_pointstonexttier",
  tierExpiresOn: "cx_tierexpireson",
  rfmRecency: "cx_rfmrecency",
  rfmFrequency: "cx_rfmfrequency",
  rfmMonetary: "cx_rfmmonetary",
  segment: "cx_customersegmentid",
  lifetimeValue: "cx_clv",
  isTargetCustomer: "cx_istargetcustomer",
  profileCompleteness: "cx_profilecompleteness",
  lastInteractionOn: "cx_lastinteractionon",
  marketingConsent: "cx_marketingconsent",
  profilingConsent: "cx_profilingconsent",
  surveyConsent: "cx_surveyconsent",
  stateCode: "statecode",
} as const;

/** Columns that plugins compute; users must not edit them on the form. */
export const ComputedCustomerColumns: readonly string[] = [
  CustomerColumn.lifecycleStage,
  CustomerColumn.loyaltyTier,
  CustomerColumn.loyaltyPhase,
  CustomerColumn.pointsBalance,
  CustomerColumn.qualifyingPoints,
  CustomerColumn.pointsToNextTier,
  CustomerColumn.tierExpiresOn,
  CustomerColumn.rfmRecency,
  CustomerColumn.rfmFrequency,
  CustomerColumn.rfmMonetary,
  CustomerColumn.segment,
  CustomerColumn.lifetimeValue,
  CustomerColumn.isTargetCustomer,
  CustomerColumn.profileCompleteness,
  CustomerColumn.lastInteractionOn,
];

/** Two-option consent columns: true = consent granted, false = withdrawn. */
export const ConsentColumns: readonly string[] = [
  CustomerColumn.marketingConsent,
  CustomerColumn.profilingConsent,
  CustomerColumn.surveyConsent,
];

/** Primary name column per customer table. */
export const CustomerNameColumn: Readonly<Record<string, string>> = {
  contact: "fullname",
  account: "name",
};

/** Global choice cx_lifecyclestage. */
export const LifecycleStage = {
  Prospect: 586700000,
  New: 586700001,
  Repeat: 586700002,
  Loyal: 586700003,
  Advocate: 586700004,
  AtRisk: 586700005,
  Lapsed: 586700006,
} as const;
export type LifecycleStageValue = (typeof LifecycleStage)[keyof typeof LifecycleStage];

/** Global choice cx_loyaltyphase (the three-phase loyalty cycle, per product line). */
export const LoyaltyPhase = {
  Knowledge: 586700000,
  Growth: 586700001,
  Retention: 586700002,
} as const;
export type LoyaltyPhaseValue = (typeof LoyaltyPhase)[keyof typeof LoyaltyPhase];

export const LoyaltyJourney = {
  table: "cx_loyaltyjourney",
  customer: "cx_customerid",
  productLine: "cx_productlineid",
  phase: "cx_phase",
  phaseStartedOn: "cx_phasestartedon",
} as const;

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

/** Choice cx_interactionchannel. */
export const InteractionChannel = {
  Phone: 586700000,
  Email: 586700001,
  InPerson: 586700002,
  Web: 586700003,
  SocialMedia: 586700004,
} as const;

/** Choice cx_interactionkind. */
export const InteractionKind = {
  Inquiry: 586700000,
  Complaint: 586700001,
  Feedback: 586700002,
  Purchase: 586700003,
  Visit: 586700004,
} as const;

export const Strategy = {
  table: "cx_crmstrategy",
  entitySet: "cx_crmstrategies",
  currentStep: "cx_currentstep",
} as const;

/** Choice cx_strategystep: the five steps of the CRM process, in order. */
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
  status: "cx_status",
  processedCount: "cx_processedcount",
  totalCount: "cx_totalcount",
} as const;

/** Choice cx_analysisstatus. */
export const AnalysisStatus = {
  Queued: 586700000,
  Running: 586700001,
  Completed: 586700002,
  Failed: 586700003,
} as const;

export const Reward = { table: "cx_reward" } as const;
