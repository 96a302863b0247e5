using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Crm.Extensions.Domain.Intimacy;
using Crm.Extensions.Domain.Loyalty.Ledger;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Dataverse.Intimacy;

/// <summary>
/// Creates one greeting task per owner and day under a deterministic id (from <see cref="OwnerGreetingTask.TaskKey"/>). The
/// ids already stored are read first (one query per 1,000 tasks) and only the missing tasks are created, with
/// CreateMultiple in batches of 1,000: a re-run the same day creates nothing and leaves the owner's edits alone.
/// </summary>
public static class BirthdayTaskWriter
{
    public const int BatchSize = 1000;
    public const string Category = "Birthday greetings";
    private const int DescriptionLength = 2000;
    private const string SubjectFormat = "Birthday greetings {0}: {1} customer(s) / Felicitaciones de cumpleaños";

    /// <summary>How many tasks were created now.</summary>
    public static int Write(IOrganizationService service, IReadOnlyList<OwnerGreetingTask> tasks,
        IReadOnlyDictionary<Guid, EntityReference> owners)
    {
        if (service is null) throw new ArgumentNullException(nameof(service));
        if (tasks is null) throw new ArgumentNullException(nameof(tasks));
        if (owners is null) throw new ArgumentNullException(nameof(owners));
        var created = 0;
        for (var start = 0; start < tasks.Count; start += BatchSize)
        {
            var batch = tasks.Skip(start).Take(BatchSize).ToDictionary(task => DeterministicId.From(task.TaskKey));
            var stored = Existing(service, batch.Keys.ToList());
            var rows = batch.Where(pair => !stored.Contains(pair.Key)).Select(pair => Row(pair.Key, pair.Value, owners)).ToList();
            if (rows.Count == 0) continue;
            service.Execute(new CreateMultipleRequest { Targets = new EntityCollection(rows) { EntityName = Task.EntityLogicalName } });
            created += rows.Count;
        }

        return created;
    }

    private static HashSet<Guid> Existing(IOrganizationService service, IReadOnlyList<Guid> ids)
    {
        var query = new QueryExpression(Task.EntityLogicalName) { ColumnSet = new ColumnSet(false) };
        query.Criteria.AddCondition(Task.Fields.ActivityId, ConditionOperator.In, ids.Cast<object>().ToArray());
        return new HashSet<Guid>(service.RetrieveMultiple(query).Entities.Select(row => row.Id));
    }

    private static Entity Row(Guid id, OwnerGreetingTask task, IReadOnlyDictionary<Guid, EntityReference> owners)
    {
        var day = task.LocalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var row = new Task(id)
        {
            ActivityId = id,
            Subject = string.Format(CultureInfo.InvariantCulture, SubjectFormat, day, task.Greetings.Count),
            Description = Describe(task),
            Category = Category,
        };
        if (owners.TryGetValue(task.OwnerId, out var owner)) row.OwnerId = owner;
        return row;
    }

    /// <summary>One line per contact: name, age and id (the id lets the owner open the right record among namesakes).</summary>
    private static string Describe(OwnerGreetingTask task)
    {
        var text = new StringBuilder("Greet these customers on their birthday today. / Felicite hoy a estos clientes por su cumpleaños.");
        foreach (var greeting in task.Greetings)
        {
            text.Append('\n')
                .AppendFormat(CultureInfo.InvariantCulture, "- {0} ({1}) [{2:D}]", greeting.Name, greeting.Age, greeting.ContactId);
        }

        var all = text.ToString();
        return all.Length <= DescriptionLength ? all : all.Substring(0, DescriptionLength);
    }
}
