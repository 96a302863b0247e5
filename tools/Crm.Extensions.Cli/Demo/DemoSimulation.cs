using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using Bogus;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Emulator;
using Crm.Extensions.Plugins.CustomApis;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Cli.Demo;

/// <summary>What the terminal shows while the demo runs: one phase after another, each with its own counters.</summary>
public interface IDemoProgress
{
    /// <summary>Seeding: <paramref name="created"/> of <paramref name="total"/> customers, after <paramref name="requests"/>.</summary>
    void Company(int created, int total, long requests);

    /// <summary>Living: month <paramref name="done"/> of <paramref name="total"/> closed, with the events and requests so far.</summary>
    void Month(int done, int total, string month, int events, long requests);

    /// <summary>Writing: <paramref name="done"/> of <paramref name="total"/> steps (figures, report.html, data/*.csv) finished.</summary>
    void Report(int done, int total, string step);
}

/// <summary>
/// Lives the company through its months on the emulator clock, only through the product's real entry points: invoices
/// paid and cancelled through the service (the registered steps fire), interactions and survey answers saved by users,
/// custom APIs called by the users whose roles hold their execute privileges, and the async queue drained as the
/// platform's async service would. It never calls the domain directly; it only observes the emulator's rows.
/// </summary>
public sealed class DemoSimulation
{
    private const double HeavyPurchasesPerDay = 4.0 / 30;
    private const double RegularPurchasesPerDay = 0.7 / 30;
    private const double CancelledShare = 0.03;
    private const double AnsweredSurveyShare = 0.45;
    private const double MonthlyRedemptionAttempt = 0.25;

    public const string LedgerRun = "ledger run";
    public const string IdleLedgerRun = "ledger run (nothing due)";
    public const string TierRun = "tier evaluation";
    public const string IdleTierRun = "tier evaluation (no change)";

    private readonly DataverseEmulator _crm;
    private readonly DemoCast _cast;
    private readonly DemoCompany _company;
    private readonly DemoOptions _options;
    private readonly Faker _faker;
    private readonly DemoObserver _observer;
    private readonly SortedDictionary<int, List<Action>> _later = new();
    private int _invoiceNumber;

    public DemoSimulation(DataverseEmulator crm, DemoCast cast, DemoCompany company, DemoOptions options, Faker faker)
    {
        _crm = crm;
        _cast = cast;
        _company = company;
        _options = options;
        _faker = faker;
        _observer = new DemoObserver(crm);
    }

    /// <summary>Lives the months; <see cref="Figures"/> then reads what the rows say.</summary>
    public void Run(IDemoProgress progress)
    {
        var lastDay = DemoOptions.FirstDay.AddMonths(_options.Months);
        var days = (lastDay - DemoOptions.FirstDay).Days;
        var month = 0;
        for (var day = 0; day < days; day++)
        {
            var date = DemoOptions.FirstDay.AddDays(day);
            if (day > 0)
            {
                Night(date);
            }

            if (day > 0 && date.Day == 1)
            {
                CloseMonth(date.AddMonths(-1));
                progress.Month(++month, _options.Months, Period(date.AddMonths(-1)), _observer.Events, _observer.RequestsSoFar);
            }

            _crm.Clock.Set(date.AddHours(10));
            Day(day, date);
            _crm.DrainAsyncJobs();
        }

        Night(lastDay);
        CloseMonth(lastDay.AddMonths(-1));
        progress.Month(++month, _options.Months, Period(lastDay.AddMonths(-1)), _observer.Events, _observer.RequestsSoFar);
    }

    public DemoFigures Figures() => _observer.Figures(_company, _options.Customers, _options.Months, _options.Seed);

    public static string Period(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// What a scheduled flow runs every night, as the Loyalty Administrator: birthdays, the points ledger (vesting, expiry,
    /// warnings) and the tier evaluation. Each ledger and tier run reads the whole ledger and every member whether or not
    /// anything is due, so runs that change nothing are counted apart: their cost is what a nightly cadence adds.
    /// </summary>
    private void Night(DateTime date)
    {
        _crm.Clock.Set(date.AddHours(2));
        Call(_cast.LoyaltyManager, ProcessBirthdaysApi.UniqueName, "birthdays", (ProcessBirthdaysApi.Request.Date, date.Date));
        while (Call(_cast.LoyaltyManager, ProcessLoyaltyLedgerApi.UniqueName, LedgerEvent).Output(ProcessLoyaltyLedgerApi.Response.More))
        {
        }

        while (Call(_cast.LoyaltyManager, EvaluateTiersApi.UniqueName, response =>
            response.Output(EvaluateTiersApi.Response.Changed) == 0 ? IdleTierRun : TierRun).Output(EvaluateTiersApi.Response.More))
        {
        }

        _crm.DrainAsyncJobs();
    }

    /// <summary>Month close: lifecycle evaluation in units, the KPI snapshot, every quarter a portfolio analysis.</summary>
    private void CloseMonth(DateTime month)
    {
        var cursor = (string?)null;
        bool more;
        do
        {
            var response = Call(_cast.Strategist, EvaluateLifecycleApi.UniqueName, "lifecycle evaluation",
                (EvaluateLifecycleApi.Request.Cursor, cursor));
            cursor = response.Output(EvaluateLifecycleApi.Response.Cursor);
            more = response.Output(EvaluateLifecycleApi.Response.More);
        }
        while (more);

        Call(_cast.Strategist, SnapshotKpisApi.UniqueName, "KPI snapshot", (SnapshotKpisApi.Request.Period, Period(month)));
        if ((month.Month % 3) == 0)
        {
            Analyse();
        }

        _crm.DrainAsyncJobs();
        _observer.CloseMonth(Period(month));
    }

    private void Analyse()
    {
        var before = _crm.Requests.PluginTotal + _crm.Requests.CallerTotal;
        var response = Call(_cast.Strategist, AnalyzePortfolioApi.UniqueName, "portfolio analysis",
            (AnalyzePortfolioApi.Request.Strategy, _company.Strategy), (AnalyzePortfolioApi.Request.WindowMonths, 12));
        var analysis = response.Output(AnalyzePortfolioApi.Response.Analysis)
            ?? throw new InvalidOperationException("cx_AnalyzePortfolio answered without the Analysis it queued.");
        _crm.DrainAsyncJobs();
        _observer.Analysis(analysis, _crm.Requests.PluginTotal + _crm.Requests.CallerTotal - before);
        BuildForTargets();
        AdvanceStrategy();
    }

    /// <summary>Steps 3 and 4 for each target segment the analysis named: a critical partner and an active proposition.</summary>
    private void BuildForTargets()
    {
        var targets = _crm.All(CustomerSegment.EntityLogicalName)
            .Where(segment => segment.GetAttributeValue<bool?>(CustomerSegment.Fields.IsTarget) == true)
            .OrderBy(segment => segment.GetAttributeValue<string>(CustomerSegment.Fields.Name), StringComparer.Ordinal)
            .ToList();
        var withPartner = SegmentsNamedBy(PartnerRelationship.EntityLogicalName, PartnerRelationship.Fields.CustomerSegmentId);
        var withProposition = SegmentsNamedBy(ValueProposition.EntityLogicalName, ValueProposition.Fields.CustomerSegmentId);
        foreach (var segment in targets)
        {
            var name = segment.GetAttributeValue<string>(CustomerSegment.Fields.Name);
            if (!withPartner.Contains(segment.Id))
            {
                var partner = _cast.SalesOperations.Create(new Account { Name = "Roaster for " + name });
                _cast.Strategist.Create(new PartnerRelationship
                {
                    Name = "Roaster for " + name,
                    PartnerAccountId = new EntityReference(Account.EntityLogicalName, partner),
                    PartnerType = GlobalChoices.PartnerType.Supplier,
                    Criticality = PartnerRelationship.CriticalityChoice.Critical,
                    ReviewCadenceDays = 90,
                    LastReviewOn = _crm.Clock.UtcNow.Date.AddDays(-10),
                    PerformanceRating = 4,
                    CustomerSegmentId = segment.ToEntityReference(),
                });
            }

            if (!withProposition.Contains(segment.Id))
            {
                var proposition = _cast.Strategist.Create(new ValueProposition
                {
                    Name = "Free delivery for " + name,
                    CustomerSegmentId = segment.ToEntityReference(),
                    CustomerBenefit = "Delivery at no cost",
                    CompanyMargin = 20m,
                    OfferText = "Your next delivery is on us",
                    ProductId = _company.Families[0].Products[0].Row,
                    PropositionStatus = ValueProposition.PropositionStatusChoice.Draft,
                });
                _cast.Strategist.Update(
                    new ValueProposition { Id = proposition, PropositionStatus = ValueProposition.PropositionStatusChoice.Active });
            }
        }
    }

    /// <summary>The segments that rows of <paramref name="table"/> point at through <paramref name="segmentColumn"/>.</summary>
    private HashSet<Guid> SegmentsNamedBy(string table, string segmentColumn) => _crm.All(table)
        .Select(row => row.GetAttributeValue<EntityReference>(segmentColumn)?.Id)
        .OfType<Guid>()
        .ToHashSet();

    /// <summary>Moves the strategy as far as its gates allow; a refusal names what is missing, which the report shows.</summary>
    private void AdvanceStrategy()
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                Call(_cast.Strategist, AdvanceStrategyStepApi.UniqueName, "strategy step",
                    (AdvanceStrategyStepApi.Request.Strategy, _company.Strategy));
            }
            catch (FaultException<OrganizationServiceFault> refusal)
            {
                _observer.StrategyBlocked(refusal.Detail.Message);
                return;
            }
        }
    }

    private void Day(int day, DateTime date)
    {
        if (_later.Remove(day, out var due))
        {
            foreach (var action in due)
            {
                action();
            }
        }

        foreach (var customer in _company.Customers)
        {
            if (BuysToday(customer, day))
            {
                Purchase(customer, day);
            }
        }

        if (date.Day == 15)
        {
            Redemptions();
        }
    }

    private bool BuysToday(DemoCustomer customer, int day)
    {
        if (day == customer.JoinDay)
        {
            return true;
        }

        if (day < customer.JoinDay || day >= customer.StopDay)
        {
            return false;
        }

        return customer.Profile switch
        {
            BuyerProfile.Heavy => _faker.Random.Double() < HeavyPurchasesPerDay,
            BuyerProfile.Regular => _faker.Random.Double() < RegularPurchasesPerDay,
            _ => false,
        };
    }

    private void Purchase(DemoCustomer customer, int day)
    {
        var invoice = new Invoice
        {
            Name = string.Create(CultureInfo.InvariantCulture, $"INV-{++_invoiceNumber:000000}"),
            CustomerId = customer.Row,
        };
        var invoiceId = _cast.SalesOperations.Create(invoice);
        var invoiceRow = new EntityReference(Invoice.EntityLogicalName, invoiceId);
        var lines = _faker.Random.Int(1, customer.Profile == BuyerProfile.Heavy ? 4 : 2);
        for (var line = 0; line < lines; line++)
        {
            var family = _company.Families[_faker.Random.Double() < 0.75
                ? customer.FavouriteFamily : _faker.Random.Int(0, _company.Families.Count - 1)];
            var product = family.Products[_faker.Random.Int(0, family.Products.Count - 1)];
            var quantity = _faker.Random.Int(1, 3);
            _cast.SalesOperations.Create(new InvoiceDetail
            {
                [InvoiceDetail.Fields.InvoiceId] = invoiceRow,
                [InvoiceDetail.Fields.ProductId] = product.Row,
                [InvoiceDetail.Fields.Quantity] = (decimal)quantity,
                [InvoiceDetail.Fields.ExtendedAmount] = new Money(product.Price * quantity),
            });
        }

        _crm.DrainAsyncJobs();
        var before = _crm.Requests.PluginTotal;
        SetInvoiceState(invoiceId, InvoicePaid, PaidStatus);
        _crm.DrainAsyncJobs();
        _observer.InvoicePaid(_crm.Requests.PluginTotal - before, firstPurchase: day == customer.JoinDay);
        _observer.Events++;

        if (_faker.Random.Double() < CancelledShare)
        {
            Later(day + 2, () => SetInvoiceState(invoiceId, InvoiceCancelled, CancelledStatus));
        }
        else if (_faker.Random.Double() < AnsweredSurveyShare)
        {
            var nps = Nps(customer);
            Later(day + 3, () => AnswerSurvey(invoiceId, nps));
        }

        if (_faker.Random.Double() < (customer.Profile == BuyerProfile.Heavy ? 0.3 : 0.1))
        {
            Interaction(customer);
        }
    }

    private const int InvoicePaid = 2;
    private const int PaidStatus = 100001;
    private const int InvoiceCancelled = 3;
    private const int CancelledStatus = 100003;

    private void SetInvoiceState(Guid invoice, int state, int status)
    {
        _cast.SalesOperations.Update(new Entity(Invoice.EntityLogicalName, invoice)
        {
            [Invoice.Fields.StateCode] = new OptionSetValue(state),
            [Invoice.Fields.StatusCode] = new OptionSetValue(status),
        });
        _observer.Events++;
    }

    /// <summary>Heavy buyers are mostly promoters, regular ones mixed, one-off buyers often detractors.</summary>
    private int Nps(DemoCustomer customer) => customer.Profile switch
    {
        BuyerProfile.Heavy => _faker.Random.Int(7, 10),
        BuyerProfile.Regular => _faker.Random.Int(4, 10),
        _ => _faker.Random.Int(0, 9),
    };

    private void AnswerSurvey(Guid invoice, int nps)
    {
        var query = new QueryExpression(SatisfactionSurvey.EntityLogicalName) {
            ColumnSet = new ColumnSet(SatisfactionSurvey.Fields.SurveyStatus), TopCount = 1 };
        query.Criteria.AddCondition(SatisfactionSurvey.Fields.InvoiceId, ConditionOperator.Equal, invoice);
        // Answers arrive through the survey tool's integration user, who may write every survey (the requests belong to
        // whoever paid the invoice, not to the customer's owner).
        var survey = _cast.SalesOperations.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (survey is null)
        {
            return;
        }

        _cast.SalesOperations.Update(
            new Entity(SatisfactionSurvey.EntityLogicalName, survey.Id) { [SatisfactionSurvey.Fields.NpsScore] = nps });
        _observer.Events++;
    }

    private void Interaction(DemoCustomer customer)
    {
        _cast.AccountManager.Create(new Interaction
        {
            Name = "Call",
            CustomerId = customer.Row,
            Channel = GlobalChoices.InteractionChannel.Phone,
            Kind = customer.Consents ? GlobalChoices.InteractionDataKind.Preference : GlobalChoices.InteractionDataKind.Behavioural,
            Reason = _faker.PickRandom("Delivery question", "Brewing advice", "Product recommendation", "Invoice copy"),
            Outcome = "Answered on the call",
            OccurredOn = _crm.Clock.UtcNow.AddHours(-1),
            DurationMinutes = _faker.Random.Int(3, 25),
        });
        _observer.Events++;
    }

    /// <summary>Mid-month, a quarter of the members with points ask for the dearest reward they can afford.</summary>
    private void Redemptions()
    {
        foreach (var customer in _company.Customers)
        {
            if (_faker.Random.Double() >= MonthlyRedemptionAttempt)
            {
                continue;
            }

            // The member knows their balance (the app shows it); the demo reads it off the row without a request, so the
            // requests it counts are the product's and the business events', not the script's own looking.
            var balance = _crm.Get(customer.Row.LogicalName, customer.Row.Id)?.GetAttributeValue<int?>(Contact.Fields.PointsBalance) ?? 0;
            var affordable = Enumerable.Range(0, _company.Rewards.Count).Where(i => _company.RewardCosts[i] <= balance).ToList();
            if (affordable.Count == 0)
            {
                continue;
            }

            try
            {
                Call(_cast.AccountManager, RedeemRewardApi.UniqueName, "redemption",
                    (RedeemRewardApi.Request.Customer, customer.Row), (RedeemRewardApi.Request.Reward, _company.Rewards[affordable[^1]]));
            }
            catch (FaultException<OrganizationServiceFault> refusal)
            {
                // The balance column can lag the points movements until the nightly run (expired lots); the API decides
                // from the movements themselves and refuses in the user's language, as it would in the app.
                _observer.RedemptionRefused(refusal.Detail.Message);
            }

            _observer.Events++;
        }
    }

    private void Later(int day, Action action)
    {
        if (!_later.TryGetValue(day, out var actions))
        {
            _later[day] = actions = new List<Action>();
        }

        actions.Add(action);
    }

    /// <summary>A ledger run that vested and expired nothing (it may still have rewritten expiry warnings).</summary>
    private static string LedgerEvent(OrganizationResponse response) =>
        response.Output(ProcessLoyaltyLedgerApi.Response.Vested) + response.Output(ProcessLoyaltyLedgerApi.Response.Expired) == 0
            ? IdleLedgerRun
            : LedgerRun;

    private OrganizationResponse Call(
        IOrganizationService service, string api, string businessEvent, params (CustomApiField Parameter, object? Value)[] parameters) =>
        Call(service, api, _ => businessEvent, parameters);

    /// <summary>Calls a custom API and counts its plugin requests under the business event its response names.</summary>
    private OrganizationResponse Call(IOrganizationService service, string api, Func<OrganizationResponse, string> businessEvent,
        params (CustomApiField Parameter, object? Value)[] parameters)
    {
        var request = new OrganizationRequest(api);
        foreach (var (parameter, value) in parameters)
        {
            if (value is not null)
            {
                request[parameter.Name] = value;
            }
        }

        var before = _crm.Requests.PluginTotal;
        var response = service.Execute(request);
        _observer.ApiCall(businessEvent(response), _crm.Requests.PluginTotal - before);
        return response;
    }
}
