using System;
using System.Collections.Generic;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>
/// Under / UnderOrEqual / Above / AboveOrEqual / NotUnder over a table's hierarchical self-referencing relationship
/// (account.parentaccountid, product.parentproductid or one marked IsHierarchical in the solution). The condition names the
/// table's primary key and the referenced row's id; the walk stops after 100 levels, the platform's recursion limit.
/// </summary>
internal sealed class Hierarchy
{
    public const int MaxLevels = 100;

    private readonly DataStore _store;

    public Hierarchy(DataStore store) => _store = store;

    public static bool IsHierarchical(ConditionOperator op) =>
        op is ConditionOperator.Under or ConditionOperator.UnderOrEqual or ConditionOperator.Above or ConditionOperator.AboveOrEqual
            or ConditionOperator.NotUnder;

    public static void Validate(TableMetadata table, ConditionExpression condition)
    {
        if (table.HierarchyParentAttribute is null)
        {
            throw PlatformFault.InvalidArgument(
                $"The {condition.Operator} operator needs a hierarchical relationship on {table.LogicalName}, and it has none.");
        }

        if (!condition.AttributeName.Equals(table.PrimaryIdAttribute, StringComparison.OrdinalIgnoreCase))
        {
            throw PlatformFault.InvalidArgument(
                $"The {condition.Operator} operator applies to the primary key {table.PrimaryIdAttribute} of {table.LogicalName}, not " +
                $"{condition.AttributeName}.");
        }
    }

    public bool Matches(TableMetadata table, ConditionOperator op, Guid rowId, object? referenced)
    {
        var reference = referenced switch
        {
            Guid id => id,
            EntityReference link => link.Id,
            string text when Guid.TryParse(text, out var parsed) => parsed,
            _ => throw PlatformFault.InvalidArgument($"The {op} operator needs the id of a {table.LogicalName} row."),
        };

        return op switch
        {
            ConditionOperator.Under => IsBelow(table, rowId, reference),
            ConditionOperator.UnderOrEqual => rowId == reference || IsBelow(table, rowId, reference),
            ConditionOperator.Above => IsBelow(table, reference, rowId),
            ConditionOperator.AboveOrEqual => rowId == reference || IsBelow(table, reference, rowId),
            _ => !IsBelow(table, rowId, reference),
        };
    }

    /// <summary>Whether <paramref name="ancestor"/> is on the parent chain of <paramref name="rowId"/> (cycles end the walk).</summary>
    private bool IsBelow(TableMetadata table, Guid rowId, Guid ancestor)
    {
        var seen = new HashSet<Guid> { rowId };
        var current = _store.Find(table.LogicalName, rowId);
        for (var level = 0; current is not null && level < MaxLevels; level++)
        {
            if (current.Get(table.HierarchyParentAttribute!) is not EntityReference parent) return false;
            if (parent.Id == ancestor) return true;
            if (!seen.Add(parent.Id)) return false;
            current = _store.Find(table.LogicalName, parent.Id);
        }

        return false;
    }
}
