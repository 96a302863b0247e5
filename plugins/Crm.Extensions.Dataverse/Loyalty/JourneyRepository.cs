using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Domain.Loyalty.Journeys;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using JourneyTable = Crm.Extensions.EarlyBound.LoyaltyJourney;

namespace Crm.Extensions.Dataverse.Loyalty;

/// <summary>Reads a customer's journeys (one query) and writes each changed journey by Upsert on customer + family.</summary>
public static class JourneyRepository
{
    public static IReadOnlyList<FamilyJourney> ForCustomer(IOrganizationService service, Guid customerId)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var query = new QueryExpression(JourneyTable.EntityLogicalName)
        {
            ColumnSet = new ColumnSet(JourneyRows.Columns),
            Criteria = { Conditions = { new ConditionExpression(JourneyTable.Fields.CustomerId, ConditionOperator.Equal, customerId) } },
        };
        return service.RetrieveMultiple(query).Entities.Select(JourneyRows.FromRow).ToList();
    }

    public static void Save(IOrganizationService service, JourneyUpdate update, EntityReference customer, DateTime on, bool isPurchase)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        service.Execute(new UpsertRequest { Target = JourneyRows.ToRow(update, customer, on, isPurchase) });
    }
}
