using System.Collections.Generic;

namespace Crm.Extensions.Cli.Demo;

/// <summary>The state of the company at a month's close, and what flowed during the month.</summary>
/// <param name="MembersPerTier">Customers per tier name at the close; "–" for customers without a tier.</param>
/// <param name="Stages">Customers per lifecycle stage label (the choice's English label) at the close.</param>
/// <param name="Liability">Points owed at the close: available plus pending balances of every customer.</param>
/// <param name="Upgrades">Customers whose tier rank rose since the previous close.</param>
public sealed record DemoMonth(
    string Period,
    IReadOnlyDictionary<string, int> MembersPerTier,
    IReadOnlyDictionary<string, int> Stages,
    long PointsEarned,
    long PointsRedeemed,
    long PointsExpired,
    long Liability,
    int Upgrades,
    int Downgrades,
    int TasksOpened,
    int Transitions,
    int SurveysAnswered,
    decimal? Nps,
    int? NewCustomers,
    decimal? RetentionRate,
    decimal? ChurnRate);

/// <summary>One customer segment of the latest portfolio analysis.</summary>
public sealed record DemoSegment(string Name, int Customers, decimal Profit, decimal Revenue, decimal AverageClv, bool IsTarget);

/// <summary>Requests the plugins made for one kind of business event, against its budget where the product has one.</summary>
public sealed record DemoCost(string Event, int Count, int MaxRequests, decimal MeanRequests, int? Budget);

/// <summary>A plugin step by the requests it made over the whole run (request counts, not time, so two runs agree).</summary>
public sealed record DemoStepLoad(string Step, int Executions, int Requests);

public sealed record DemoTransition(string From, string To, int Count);

public sealed record DemoJourneys(string ProductLine, int Knowledge, int Growth, int Retention);

/// <summary>Everything the report and the CSV files show, taken from the emulator's rows by <see cref="DemoObserver"/>.</summary>
public sealed record DemoFigures(
    int Customers,
    int Months,
    int Seed,
    IReadOnlyList<DemoMonth> MonthsClosed,
    int[,] RfmGrid,
    IReadOnlyList<DemoSegment> Segments,
    IReadOnlyList<decimal> ParetoProfitShareByDecile,
    int TargetBase,
    IReadOnlyList<DemoTransition> Transitions,
    IReadOnlyList<DemoJourneys> Journeys,
    long PointsEarned,
    long PointsRedeemed,
    long PointsExpired,
    long Liability,
    int Redemptions,
    int RefusedRedemptions,
    IReadOnlyList<DemoCost> Costs,
    IReadOnlyList<DemoStepLoad> HeaviestSteps,
    string StrategyStep,
    string? StrategyBlockedBy,
    int Events,
    long Requests);
