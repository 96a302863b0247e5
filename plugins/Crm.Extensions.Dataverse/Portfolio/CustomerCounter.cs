using System;
using Crm.Extensions.Domain.Portfolio;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Portfolio;

/// <summary>
/// Rows of a customer table, for the progress estimate only: one count aggregate. Above 50,000 rows the platform refuses
/// to count (AggregateQueryRecordLimit), so the estimate is then 50,000: progress while reading is capped, never wrong.
/// </summary>
public static class CustomerCounter
{
    public const int CountLimit = 50000;

    public static int Count(IOrganizationService service, CustomerType type)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        var table = CustomerPageReader.TableOf(type);
        var primaryKey = type == CustomerType.Contact ? Contact.Fields.ContactId : Account.Fields.AccountId;
        var fetch = "<fetch aggregate=\"true\"><entity name=\"" + table + "\"><attribute name=\"" + primaryKey
            + "\" alias=\"rows\" aggregate=\"count\" /></entity></fetch>";
        try
        {
            var row = service.RetrieveMultiple(new FetchExpression(fetch)).Entities;
            return row.Count == 0
                ? 0
                : Convert.ToInt32(row[0].GetAttributeValue<AliasedValue>("rows")?.Value ?? 0,
                    System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception tooMany) when (InvoiceLineAggregate.IsAggregateLimit(tooMany))
        {
            return CountLimit;
        }
    }
}
