using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>One aggregate or group-by column: the column, on the root or a link alias, and the alias results carry.</summary>
internal sealed record AggregateColumn(string? EntityAlias, string Attribute, string Alias, XrmAggregateType Function, bool GroupBy,
    XrmDateTimeGrouping DateGrouping, bool Distinct);

internal sealed record AggregateSpec(IReadOnlyList<AggregateColumn> Columns, int Limit)
{
    /// <summary>Dataverse refuses aggregates over more rows than this; fetch's aggregatelimit can only lower it.</summary>
    public const int MaxRows = 50000;

    public static AggregateSpec FromAttributeExpressions(IEnumerable<XrmAttributeExpression> expressions) => new(
        expressions.Select(
            e => new AggregateColumn(null, e.AttributeName, e.Alias ?? e.AttributeName, e.AggregateType, e.HasGroupBy, e.DateTimeGrouping,
                false)).ToList(),
        MaxRows);
}
