using System;
using System.Linq;
using Crm.Extensions.Emulator;

namespace Crm.Extensions.Plugins.Tests.Loyalty;

/// <summary>
/// Every row of the given tables with its version number: equal fingerprints before and after a refused request mean
/// zero rows were created, changed or deleted there (every write raises a row's version number).
/// </summary>
internal static class LedgerFingerprint
{
    public static string Of(DataverseEmulator crm, params string[] tables) => string.Join(
        Environment.NewLine,
        tables.SelectMany(table => crm.All(table).Select(row => table + " " + row.Id + " " + row.GetAttributeValue<long?>("versionnumber")))
            .OrderBy(line => line, StringComparer.Ordinal));
}
