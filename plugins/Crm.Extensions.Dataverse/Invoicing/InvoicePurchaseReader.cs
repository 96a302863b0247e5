using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Crm.Extensions.Domain.Loyalty.Surveys;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using JourneyTable = Crm.Extensions.EarlyBound.LoyaltyJourney;

namespace Crm.Extensions.Dataverse.Invoicing;

/// <summary>One line of a paid invoice with its product family resolved.</summary>
public sealed record PurchaseLine(Guid LineId, Guid ProductId, Guid FamilyId, decimal Amount);

/// <summary>What the loyalty side needs of a paid invoice: its lines, the customer's journeys and whether its survey was already requested.</summary>
public sealed record InvoicePurchase(IReadOnlyList<PurchaseLine> Lines, IReadOnlyList<Crm.Extensions.Domain.Loyalty.Journeys.LoyaltyJourney> Journeys, bool SurveyRequested);

/// <summary>
/// Reads a paid invoice's lines in one request: invoicedetail ⟕ product ⟕ parent ⟕ grandparent (the family is the
/// top-level parent) ⟕ the invoice's survey request, and invoice ⟕ the customer's journeys (lines × journeys: a customer
/// has a journey per product family, a handful, so the product stays small). Product trees deeper than the join are finished one Retrieve per level.
/// </summary>
public static class InvoicePurchaseReader
{
    private const int JoinedLevels = 3;
    private const string SurveyAlias = "survey";
    private const string JourneyAlias = "journey";

    public static InvoicePurchase Read(IOrganizationService service, Guid invoiceId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(InvoiceDetail.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(InvoiceDetail.Fields.ProductId, InvoiceDetail.Fields.ExtendedAmount),
            Criteria = { Conditions = { new ConditionExpression(InvoiceDetail.Fields.InvoiceId, ConditionOperator.Equal, invoiceId) } },
        };
        var parentLinks = new List<LinkEntity>();
        var from = InvoiceDetail.Fields.ProductId;
        var linkTo = query.LinkEntities;
        for (var level = 0; level < JoinedLevels; level++)
        {
            var link = new LinkEntity(level == 0 ? InvoiceDetail.EntityLogicalName : Product.EntityLogicalName, Product.EntityLogicalName, from, Product.Fields.ProductId, JoinOperator.LeftOuter)
            {
                EntityAlias = "p" + level,
                Columns = new ColumnSet(Product.Fields.ParentProductId),
            };
            linkTo.Add(link);
            parentLinks.Add(link);
            from = Product.Fields.ParentProductId;
            linkTo = link.LinkEntities;
        }

        var survey = query.AddLink(SatisfactionSurvey.EntityLogicalName, InvoiceDetail.Fields.InvoiceId, SatisfactionSurvey.Fields.InvoiceId, JoinOperator.LeftOuter);
        survey.EntityAlias = SurveyAlias;
        survey.Columns = new ColumnSet(SatisfactionSurvey.Fields.RequestKey);

        var invoice = query.AddLink(Invoice.EntityLogicalName, InvoiceDetail.Fields.InvoiceId, Invoice.Fields.InvoiceId, JoinOperator.Inner);
        var journeys = invoice.AddLink(JourneyTable.EntityLogicalName, Invoice.Fields.CustomerId, JourneyTable.Fields.CustomerId, JoinOperator.LeftOuter);
        journeys.EntityAlias = JourneyAlias;
        journeys.Columns = new ColumnSet(JourneyRows.Columns.Concat(new[] { JourneyTable.Fields.LoyaltyJourneyId }).ToArray());

        var rows = service.RetrieveMultiple(query).Entities;
        var parentOf = new Dictionary<Guid, Guid?>();
        var requested = false;
        foreach (var row in rows)
        {
            requested |= Linked<string>(row, SurveyAlias, SatisfactionSurvey.Fields.RequestKey) == SurveyLoop.RequestKey(invoiceId);
            var current = row.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId)?.Id;
            for (var level = 0; level < JoinedLevels && current is { } productId; level++)
            {
                var parent = Linked<EntityReference>(row, "p" + level, Product.Fields.ParentProductId)?.Id;
                parentOf[productId] = parent;
                current = parent;
            }
        }

        CompleteDeepTrees(service, parentOf);
        var lines = rows.GroupBy(row => row.Id).Select(group => group.First())
            .Where(row => row.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId) is not null)
            .Select(row =>
            {
                var productId = row.GetAttributeValue<EntityReference>(InvoiceDetail.Fields.ProductId).Id;
                return new PurchaseLine(row.Id, productId, ProductFamilies.FamilyOf(productId, parentOf),
                    row.GetAttributeValue<Money>(InvoiceDetail.Fields.ExtendedAmount)?.Value ?? 0m);
            })
            .ToList();
        var customerJourneys = rows
            .Where(row => Linked<Guid?>(row, JourneyAlias, JourneyTable.Fields.LoyaltyJourneyId) is not null)
            .GroupBy(row => Linked<Guid?>(row, JourneyAlias, JourneyTable.Fields.LoyaltyJourneyId))
            .Select(group => JourneyRows.FromRow(Unaliased(group.First(), JourneyAlias)))
            .ToList();
        return new InvoicePurchase(lines, customerJourneys, requested);
    }

    /// <summary>A parent the join did not reach (a tree deeper than <see cref="JoinedLevels"/>): read upwards until the root.</summary>
    private static void CompleteDeepTrees(IOrganizationService service, Dictionary<Guid, Guid?> parentOf)
    {
        var open = parentOf.Values.Where(parent => parent is { } id && !parentOf.ContainsKey(id)).Select(parent => parent!.Value).Distinct().ToList();
        while (open.Count > 0)
        {
            var next = new List<Guid>();
            foreach (var productId in open)
            {
                var parent = service.Retrieve(Product.EntityLogicalName, productId, new ColumnSet(Product.Fields.ParentProductId))
                    .GetAttributeValue<EntityReference>(Product.Fields.ParentProductId)?.Id;
                parentOf[productId] = parent;
                if (parent is { } id && !parentOf.ContainsKey(id)) next.Add(id);
            }

            open = next.Distinct().ToList();
        }
    }

    private static Entity Unaliased(Entity row, string alias)
    {
        var entity = new Entity(JourneyTable.EntityLogicalName);
        foreach (var attribute in row.Attributes)
        {
            if (attribute.Key.StartsWith(alias + ".", StringComparison.Ordinal) && attribute.Value is AliasedValue aliased)
            {
                entity[attribute.Key.Substring(alias.Length + 1)] = aliased.Value;
            }
        }

        return entity;
    }

    private static T? Linked<T>(Entity row, string alias, string column) =>
        row.GetAttributeValue<AliasedValue>(alias + "." + column) is { Value: T value } ? value : default;
}
