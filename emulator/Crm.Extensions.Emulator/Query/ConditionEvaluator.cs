using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace Crm.Extensions.Emulator.Query;

/// <summary>Evaluates filters with SQL semantics: a comparison with null is never true, so NotEqual skips null rows.</summary>
internal sealed class ConditionEvaluator
{
    private readonly Func<DateTime> _now;
    private readonly Func<Guid> _userId;
    private readonly Func<Guid, Guid> _businessUnitOf;
    private readonly FiscalCalendar _fiscalCalendar;
    private readonly Hierarchy? _hierarchy;
    private readonly Dictionary<ConditionExpression, HashSet<Guid>?> _idSets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<ConditionExpression, object?[]> _values = new(ReferenceEqualityComparer.Instance);

    public ConditionEvaluator(Func<DateTime> now, Func<Guid> userId, Func<Guid, Guid> businessUnitOf, FiscalCalendar? fiscalCalendar = null,
        Hierarchy? hierarchy = null)
    {
        _now = now;
        _userId = userId;
        _businessUnitOf = businessUnitOf;
        _fiscalCalendar = fiscalCalendar ?? FiscalCalendar.CalendarYearMonthly;
        _hierarchy = hierarchy;
    }

    /// <summary>The caller's language, teams and reports; null when the query runs without a caller (then those operators match
    /// nothing).</summary>
    public PrincipalFacts? Principal { get; init; }

    /// <summary>Conditions first, then child filters, stopping at the first that decides (plain loops: this runs per row).</summary>
    public bool Matches(FilterExpression filter, JoinedRow row, Func<string?, QueryScope> scope, string? defaultAlias)
    {
        var all = filter.FilterOperator == LogicalOperator.And;
        foreach (var condition in filter.Conditions)
        {
            if (Matches(condition, row, scope, defaultAlias) != all) return !all;
        }

        foreach (var child in filter.Filters)
        {
            if (Matches(child, row, scope, defaultAlias) != all) return !all;
        }

        return all || !HasAny(filter);
    }

    private static bool HasAny(FilterExpression filter) => filter.Conditions.Count > 0 || filter.Filters.Count > 0;

    private bool Matches(ConditionExpression condition, JoinedRow row, Func<string?, QueryScope> scope, string? defaultAlias)
    {
        var alias = condition.EntityName ?? defaultAlias;
        var where = scope(alias);
        if (where.Alias is null) alias = null;
        if (where.Table.Column(condition.AttributeName) is null)
            throw PlatformFault.UnknownColumn(where.Table.LogicalName, condition.AttributeName);
        var stored = row.RowFor(alias);
        var value = stored?.Get(condition.AttributeName);
        var values = ValuesOf(condition);
        if (condition.CompareColumns)
        {
            values = values.Select(
                v => (object?)row.RowFor(alias)?.Get(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!)).ToArray()!;
        }

        if (condition.Operator is ConditionOperator.In or ConditionOperator.NotIn && !condition.CompareColumns
            && Comparison.Normalize(value) is Guid id && IdSet(condition) is { } ids)
        {
            return ids.Contains(id) == (condition.Operator == ConditionOperator.In);
        }

        if (Hierarchy.IsHierarchical(condition.Operator))
        {
            if (_hierarchy is null) throw PlatformFault.InvalidArgument($"Condition operator {condition.Operator} needs the row store.");
            Hierarchy.Validate(where.Table, condition);
            return stored is not null && _hierarchy.Matches(where.Table, condition.Operator, stored.Id, values.FirstOrDefault());
        }

        return Evaluate(condition.Operator, value, values);
    }

    /// <summary>
    /// A condition's values, copied once per query rather than per row; In/NotIn lists come flattened (a list given as one
    /// value counts as its items), so testing a row does not copy the list again.
    /// </summary>
    private object?[] ValuesOf(ConditionExpression condition)
    {
        if (_values.TryGetValue(condition, out var cached)) return cached;
        var values = condition.Operator is ConditionOperator.In or ConditionOperator.NotIn && !condition.CompareColumns
            ? Flatten(condition.Values).ToArray()
            : condition.Values.ToArray();
        _values[condition] = values;
        return values;
    }

    /// <summary>
    /// The ids of an In/NotIn condition as a hash set, built once per query: a page of 5,000 ids tested against every row
    /// would otherwise cost rows × 5,000 comparisons. Null when a value is not an id (the general comparison applies).
    /// </summary>
    private HashSet<Guid>? IdSet(ConditionExpression condition)
    {
        if (_idSets.TryGetValue(condition, out var cached)) return cached;
        var ids = new HashSet<Guid>();
        foreach (var item in Flatten(condition.Values))
        {
            if (Comparison.Normalize(item) is not Guid id)
            {
                ids = null;
                break;
            }

            ids.Add(id);
        }

        _idSets[condition] = ids;
        return ids;
    }

    public bool Evaluate(ConditionOperator op, object? value, object?[] values)
    {
        switch (op)
        {
            case ConditionOperator.Null: return value is null;
            case ConditionOperator.NotNull: return value is not null;
            case ConditionOperator.EqualUserId: return value is not null && Comparison.AreEqual(value, _userId());
            case ConditionOperator.NotEqualUserId: return value is not null && !Comparison.AreEqual(value, _userId());
            case ConditionOperator.EqualBusinessId: return value is not null && Comparison.AreEqual(value, _businessUnitOf(_userId()));
            case ConditionOperator.NotEqualBusinessId: return value is not null && !Comparison.AreEqual(value, _businessUnitOf(_userId()));
            case ConditionOperator.EqualUserLanguage: return value is not null && Comparison.AreEqual(value, Principal?.LanguageCode
                ?? 1033);
            case ConditionOperator.EqualUserTeams: return value is not null && IsOneOf(value, Teams());
            case ConditionOperator.EqualUserOrUserTeams: return value is not null && IsOneOf(value, Teams().Append(_userId()));
            case ConditionOperator.EqualUserOrUserHierarchy: return value is not null && IsOneOf(value, Reports().Append(_userId()));
            case ConditionOperator.EqualUserOrUserHierarchyAndTeams: return value is not null && IsOneOf(value,
                Reports().Concat(Teams()).Append(_userId()));
            case ConditionOperator.Contains or ConditionOperator.DoesNotContain:
                // Contains needs a full-text index; Dataverse answers a column without one with a generic SQL error.
                throw PlatformFault.Create(ErrorCodes.SqlError, "Generic SQL error. (The Contains and DoesNotContain operators need a "
                    + "full-text indexed column;"
                    + " none is full-text indexed here. / Los operadores Contains y DoesNotContain necesitan una columna con índice de "
                    + "texto completo.)");
        }

        if (value is null) return false;
        var first = values.FirstOrDefault();
        switch (op)
        {
            case ConditionOperator.Equal: return Comparison.AreEqual(value, first);
            case ConditionOperator.NotEqual: return !Comparison.AreEqual(value, first);
            case ConditionOperator.GreaterThan: return Comparison.Compare(value, first) > 0;
            case ConditionOperator.GreaterEqual: return Comparison.Compare(value, first) >= 0;
            case ConditionOperator.LessThan: return Comparison.Compare(value, first) < 0;
            case ConditionOperator.LessEqual: return Comparison.Compare(value, first) <= 0;
            case ConditionOperator.In: return AnyEqual(value, values);
            case ConditionOperator.NotIn: return !AnyEqual(value, values);
            case ConditionOperator.Between: return Comparison.Compare(value, values[0]) >= 0 && Comparison.Compare(value, values[1]) <= 0;
            case ConditionOperator.NotBetween: return Comparison.Compare(value, values[0]) < 0 || Comparison.Compare(value, values[1]) > 0;
            case ConditionOperator.Like: return Like(value, first);
            case ConditionOperator.NotLike: return !Like(value, first);
            case ConditionOperator.BeginsWith: return Text(value).StartsWith(Text(first), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotBeginWith: return !Text(value).StartsWith(Text(first), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.EndsWith: return Text(value).EndsWith(Text(first), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.DoesNotEndWith: return !Text(value).EndsWith(Text(first), StringComparison.OrdinalIgnoreCase);
            case ConditionOperator.ContainValues:
                return value is OptionSetValueCollection any && Flatten(values).Any(v => any.Any(o => Comparison.AreEqual(o, v)));
            case ConditionOperator.DoesNotContainValues:
                return value is OptionSetValueCollection none && !Flatten(values).Any(v => none.Any(o => Comparison.AreEqual(o, v)));
        }

        if (value is DateTime fiscalDate && FiscalDates.IsFiscal(op))
            return FiscalDates.Matches(op, fiscalDate, values, _now(), _fiscalCalendar);
        if (value is DateTime date && RelativeDates.TryRange(op, values, _now(), out var start, out var end))
            return date >= start && date < end;
        throw PlatformFault.InvalidArgument($"The condition operator {op} is not valid for this column or value. / El operador {op} no es "
            + $"válido para esta columna o valor.");
    }

    private static bool AnyEqual(object value, object?[] values)
    {
        foreach (var item in values)
        {
            if (item is System.Collections.IEnumerable list and not string)
            {
                foreach (var inner in list)
                {
                    if (Comparison.AreEqual(value, inner)) return true;
                }
            }
            else if (Comparison.AreEqual(value, item))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<Guid> Teams() => Principal?.TeamIds ?? (IEnumerable<Guid>)Array.Empty<Guid>();

    private IEnumerable<Guid> Reports() => Principal?.ReportIds ?? (IEnumerable<Guid>)Array.Empty<Guid>();

    private static bool IsOneOf(object value, IEnumerable<Guid> ids) => Comparison.Normalize(value) is Guid id && ids.Contains(id);

    internal static IEnumerable<object?> Flatten(IEnumerable<object?> values) =>
        values.SelectMany(v => v is System.Collections.IEnumerable list and not string ? list.Cast<object?>() : new[] { v });

    private static string Text(object? value) =>
        Convert.ToString(Comparison.Normalize(value), System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>
    /// SQL LIKE: % any run, _ one character, [abc] / [a-c] one of a set or range, [^a-c] one character outside it
    /// ("Use wildcard characters in conditions for string values" on learn.microsoft.com). Case-insensitive.
    /// </summary>
    private static bool Like(object value, object? pattern) =>
        Regex.IsMatch(Text(value), LikePattern(Text(pattern)), RegexOptions.IgnoreCase | RegexOptions.Singleline);

    internal static string LikePattern(string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            var close = c == '[' ? pattern.IndexOf(']', i + 1) : -1;
            if (c == '%') regex.Append(".*");
            else if (c == '_') regex.Append('.');
            else if (c == '[' && close > i + 1)
            {
                var set = pattern.Substring(i + 1, close - i - 1);
                var negated = set.StartsWith('^');
                if (negated) set = set[1..];
                regex.Append('[').Append(negated ? "^" : "");
                foreach (var member in set) regex.Append(member == '-' ? "-" : Regex.Escape(member.ToString()));
                regex.Append(']');
                i = close;
            }
            else regex.Append(Regex.Escape(c.ToString()));
        }

        return regex.Append('$').ToString();
    }
}
