using System;
using Crm.Extensions.Dataverse.Intimacy;
using Crm.Extensions.Domain;
using Crm.Extensions.Domain.Localization;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>One customer's RFM standing: the three quintile scores (0 when not scored), the RFM score and the segment.</summary>
public sealed class CustomerRfm
{
    public CustomerRfm(int recency, int frequency, int monetary, RfmSegment segment)
    {
        Recency = recency;
        Frequency = frequency;
        Monetary = monetary;
        Segment = segment;
    }

    public int Recency { get; }

    public int Frequency { get; }

    public int Monetary { get; }

    public RfmSegment Segment { get; }

    /// <summary>The three scores as one number (545), as the calculated column cx_rfmscore shows them; 0 when not scored.</summary>
    public int Score => (Recency * 100) + (Frequency * 10) + Monetary;
}

/// <summary>
/// How one customer is scored against the base: a quintile only means something over the whole base, which only the
/// portfolio analysis (a batch over every customer) sees, so a single customer is not re-ranked here. The customer's
/// standing is the one the latest completed analysis wrote on its row (cx_recencyscore, cx_frequencyscore,
/// cx_monetaryscore), and the segment follows from it by <see cref="RfGrid"/>, the analysis's own rule. A customer the
/// analysis did not score (no paid invoice in its window, or created since) is a Prospect with scores of 0, as
/// <see cref="PortfolioScorer"/> segments non-buyers. Without any completed analysis there is no base to compare with,
/// and the request is refused. Two RetrieveMultiple requests.
/// </summary>
public static class StoredRfm
{
    public static readonly LocalizedText CustomerRequired = new(
        "Choose the customer (a contact or an account) whose RFM scores to calculate.",
        "Elija el cliente (un contacto o una cuenta) cuyas puntuaciones RFM quiere calcular.");

    public static readonly LocalizedText NoAnalysis = new(
        "No portfolio analysis has completed yet, so there is no customer base to score against. Run a portfolio analysis first.",
        "Aún no ha terminado ningún análisis de cartera, así que no hay una base de clientes con la que puntuar. Ejecute antes un " +
        "análisis de cartera.");

    public static readonly LocalizedText CustomerMissing = new(
        "The customer does not exist.",
        "El cliente no existe.");

    public static CustomerRfm For(IOrganizationService service, EntityReference? customer)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (customer is null || !CustomerRecords.IsCustomer(customer) || customer.Id == Guid.Empty)
            throw new BusinessRuleException(CustomerRequired);
        if (!AnyCompletedAnalysis(service)) throw new BusinessRuleException(NoAnalysis);

        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var query = new QueryExpression(customer.LogicalName)
        {
            ColumnSet = new ColumnSet(Contact.Fields.RecencyScore, Contact.Fields.FrequencyScore, Contact.Fields.MonetaryScore),
            Criteria = { Conditions = { new ConditionExpression(primaryKey, ConditionOperator.Equal, customer.Id) } },
        };
        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0) throw new BusinessRuleException(CustomerMissing);

        var recency = Score(rows[0], Contact.Fields.RecencyScore);
        var frequency = Score(rows[0], Contact.Fields.FrequencyScore);
        var monetary = Score(rows[0], Contact.Fields.MonetaryScore);
        return recency is { } r && frequency is { } f && monetary is { } m
            ? new CustomerRfm(r, f, m, RfGrid.SegmentFor(r, f))
            : new CustomerRfm(0, 0, 0, RfmSegment.Prospect);
    }

    private static bool AnyCompletedAnalysis(IOrganizationService service)
    {
        var query = new QueryExpression(PortfolioAnalysis.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(PortfolioAnalysis.Fields.CompletedOn),
            Criteria = {
                Conditions = {
                    new ConditionExpression(PortfolioAnalysis.Fields.AnalysisStatus, ConditionOperator.Equal,
                        (int)PortfolioAnalysis.AnalysisStatusChoice.Completed) } },
            TopCount = 1,
        };
        return service.RetrieveMultiple(query).Entities.Count > 0;
    }

    /// <summary>A stored score outside 1–5 (hand-edited data) counts as not scored.</summary>
    private static int? Score(Entity row, string column) =>
        row.GetAttributeValue<int?>(column) is { } score && score >= QuintileScorer.Lowest && score <= QuintileScorer.Highest
            ? score : null;
}
