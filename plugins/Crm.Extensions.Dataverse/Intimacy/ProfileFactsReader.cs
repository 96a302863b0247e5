using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Dataverse.Invoicing;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>The customer's profile facts and the completeness it stores now (null when never computed).</summary>
public sealed record CustomerProfile(EntityReference Customer, CustomerProfileFacts Facts, int? StoredCompleteness);

/// <summary>
/// Gathers the eight answers of one customer with small read-only queries, each asking only whether an answer exists
/// (TopCount 1). Joining interactions, preferences and cases to the customer in a single query would multiply their rows
/// (interactions × preferences × cases); a batch request (ExecuteMultiple) is not used because Microsoft advises against
/// batch requests inside plug-ins. The step is asynchronous, so the few reads never delay a user's save.
/// The customer row itself answers the stage, products bought (the paid-invoice count the invoice event keeps) and the last
/// interaction with its duration; when the event is the customer's own update, its post-image carries those columns
/// (<see cref="CustomerColumns"/>) and the customer is not read again. A missing customer (deleted meanwhile) gives null.
/// </summary>
public static class ProfileFactsReader
{
    /// <summary>The customer's own columns the profile needs: register them as the post-image of customer Update steps.</summary>
    public static readonly string[] CustomerColumns =
    {
        Contact.Fields.LifecycleStage, Contact.Fields.PaidInvoiceCount, Contact.Fields.LastInteractionOn,
        Contact.Fields.LastInteractionDuration, Contact.Fields.ProfileCompleteness,
    };

    /// <param name="customerImage">The customer row with <see cref="CustomerColumns"/> (a post-image), or null to read it.</param>
    public static CustomerProfile? Read(IOrganizationService service, EntityReference customer, Entity? customerImage = null)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (!CustomerRecords.IsCustomer(customer))
            throw new ArgumentException("A profile belongs to a contact or an account.", nameof(customer));
        var queries = new List<QueryExpression>
        {
            Latest(customer),
            Any(Interaction.EntityLogicalName, Interaction.Fields.CustomerId, customer, Interaction.Fields.ProductId),
            Any(Preference.EntityLogicalName, Preference.Fields.CustomerId, customer, Preference.Fields.ProductId),
            Any(Preference.EntityLogicalName, Preference.Fields.CustomerId, customer, null),
            Any(Incident.EntityLogicalName, Incident.Fields.CustomerId, customer, null),
            Any(Interaction.EntityLogicalName, Interaction.Fields.CustomerId, customer, Interaction.Fields.Problem),
            Any(Interaction.EntityLogicalName, Interaction.Fields.CustomerId, customer, Interaction.Fields.Outcome),
        };
        var questions = queries.Count;
        if (customerImage is null) queries.Add(CustomerRow(customer));
        var answers = queries.Select(query => (IList<Entity>)service.RetrieveMultiple(query).Entities).ToList();
        var found = new List<IList<Entity>> { customerImage is null ? answers[questions] : new List<Entity> { customerImage } };
        found.AddRange(answers.Take(questions));

        var row = found[0].FirstOrDefault();
        if (row is null) return null;
        var facts = new CustomerProfileFacts(
            row.GetAttributeValue<OptionSetValue>(Contact.Fields.LifecycleStage) is { } stage
                ? CustomerLifecycleReader.StageFrom(stage.Value) : null,
            found[1].FirstOrDefault()?.GetAttributeValue<string>(Interaction.Fields.Reason),
            found[2].Count + found[3].Count,
            row.GetAttributeValue<int?>(Contact.Fields.PaidInvoiceCount) ?? 0,
            found[5].Count + found[6].Count,
            false,
            found[4].Count,
            found[7].Count,
            row.GetAttributeValue<DateTime?>(Contact.Fields.LastInteractionOn),
            row.GetAttributeValue<int?>(Contact.Fields.LastInteractionDuration));
        return new CustomerProfile(customer, facts, row.GetAttributeValue<int?>(Contact.Fields.ProfileCompleteness));
    }

    private static QueryExpression CustomerRow(EntityReference customer)
    {
        var primaryKey = customer.LogicalName == Account.EntityLogicalName ? Account.Fields.AccountId : Contact.Fields.ContactId;
        var query = new QueryExpression(customer.LogicalName)
        {
            ColumnSet = new ColumnSet(CustomerColumns),
        };
        query.Criteria.AddCondition(primaryKey, ConditionOperator.Equal, customer.Id);
        return query;
    }

    /// <summary>The latest interaction: its reason says why the customer interacts today.</summary>
    private static QueryExpression Latest(EntityReference customer)
    {
        var query = new QueryExpression(Interaction.EntityLogicalName) { ColumnSet = new ColumnSet(Interaction.Fields.Reason),
            TopCount = 1 };
        query.Criteria.AddCondition(Interaction.Fields.CustomerId, ConditionOperator.Equal, customer.Id);
        query.AddOrder(Interaction.Fields.OccurredOn, OrderType.Descending);
        return query;
    }

    /// <summary>At most one row of <paramref name="table"/> for the customer, with <paramref name="filled"/> set when named.</summary>
    private static QueryExpression Any(string table, string customerColumn, EntityReference customer, string? filled)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(false), TopCount = 1 };
        query.Criteria.AddCondition(customerColumn, ConditionOperator.Equal, customer.Id);
        if (filled is not null) query.Criteria.AddCondition(filled, ConditionOperator.NotNull);
        return query;
    }
}
