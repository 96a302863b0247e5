using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Faults;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Storage;

/// <summary>
/// Duplicate detection on Create and Update. It runs only when the request asks for it with SuppressDuplicateDetection = false
/// (the SDK's default is to skip it), and a match fails the operation with DuplicateRecordsFound.
/// </summary>
internal sealed class DuplicateDetector
{
    public const string ParameterName = "SuppressDuplicateDetection";

    private readonly EmulatorOptions _options;
    private readonly DataStore _store;

    public DuplicateDetector(EmulatorOptions options, DataStore store)
    {
        _options = options;
        _store = store;
    }

    public static bool IsRequested(OrganizationRequest request) =>
        request.Parameters.TryGetValue(ParameterName, out var value) && value is false;

    /// <summary>
    /// Fails when another row of the table matches every column of a rule; <paramref name="values"/> is the row as it would be stored.
    /// </summary>
    public void Check(TableMetadata table, Guid id, IReadOnlyDictionary<string, object?> values)
    {
        foreach (var rule in _options.DuplicateDetectionRules.Where(
            r => r.Table.Equals(table.LogicalName, StringComparison.OrdinalIgnoreCase)))
        {
            foreach (var column in rule.Columns)
            {
                if (table.Column(column) is null)
                    throw new InvalidOperationException($"Duplicate-detection rule on {table.LogicalName} names unknown column {column}.");
            }

            if (rule.Columns.Any(c => IsBlank(values.TryGetValue(c, out var v) ? v : null))) continue;
            // The first column's index narrows to its rows; every column is then compared as before.
            var candidates = rule.Columns.Count == 0 ? _store.Rows(table.LogicalName)
                : _store.Lookup(table.LogicalName, table.Column(rule.Columns[0])!.LogicalName, IndexKey.Of(values[rule.Columns[0]])!);
            var duplicate = candidates.FirstOrDefault(
                r => r.Id != id && rule.Columns.All(c => RowOperations.ValuesEqual(r.Get(c), values[c])));
            if (duplicate is not null)
            {
                throw PlatformFault.Create(ErrorCodes.DuplicateRecordsFound,
                    "A record was not created or updated because a duplicate of the current record already exists.",
                    new[] { new KeyValuePair<string, object>("DuplicateRecordId", duplicate.Id) });
            }
        }
    }

    private static bool IsBlank(object? value) => value is null || (value is string text && text.Length == 0);
}
