using System;
using System.Globalization;

namespace Crm.Extensions.Dataverse.Diagnostics;

/// <summary>
/// The one trace line each plugin step and workflow activity writes when it ends, so a support engineer reading the plugin
/// trace log sees what ran, for which operation, what it asked Dataverse and how long it took:
/// <c>InvoiceLifecycle.Handle/InvoicePaid [Update of invoice, stage 40, Synchronous] done: 4 requests (...), 12 ms,
/// correlation …, depth 1</c>.
/// </summary>
public static class StageTrace
{
    public const string Done = "done";
    public const string Refused = "refused";
    public const string Failed = "failed";

    /// <summary>The handler, then the use case it ran (if any): <c>InvoiceLifecycle.Handle/InvoicePaid</c>, no spaces.</summary>
    public static string Name(string handler, string? useCase) => useCase is null ? handler : handler + "/" + useCase;

    public static string Line(
        string name, string stage, string outcome, RequestCounter requests, TimeSpan elapsed, Guid correlationId, int depth)
    {
        if (requests is null) throw new ArgumentNullException(nameof(requests));
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} [{1}] {2}: {3}, {4} ms, correlation {5:D}, depth {6}",
            name, stage, outcome, requests, (long)elapsed.TotalMilliseconds, correlationId, depth);
    }
}
