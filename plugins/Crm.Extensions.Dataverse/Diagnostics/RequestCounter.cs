using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Crm.Extensions.Dataverse.Diagnostics;

/// <summary>
/// The organization-service requests one execution made, by message. One counter per execution (never shared across
/// threads), filled by <see cref="CountingOrganizationService"/> and written into the stage's trace line.
/// </summary>
public sealed class RequestCounter
{
    private readonly Dictionary<string, int> _byMessage = new(StringComparer.Ordinal);

    public int Total { get; private set; }

    public int Count(string message) => _byMessage.TryGetValue(message, out var count) ? count : 0;

    public void Add(string message)
    {
        Total++;
        _byMessage[message] = Count(message) + 1;
    }

    /// <summary>"3 requests (CreateMultiple 1, RetrieveMultiple 1, Update 1)", messages in ordinal order; "0 requests" when none.</summary>
    public override string ToString()
    {
        var total = Total.ToString(CultureInfo.InvariantCulture) + (Total == 1 ? " request" : " requests");
        if (Total == 0) return total;
        var parts = _byMessage.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => pair.Key + " " + pair.Value.ToString(CultureInfo.InvariantCulture));
        return total + " (" + string.Join(", ", parts) + ")";
    }
}
