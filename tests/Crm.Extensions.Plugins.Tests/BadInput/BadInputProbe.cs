using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Emulator;
using Crm.Extensions.Tests.Shared;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.BadInput;

/// <summary>
/// Runs one input against the emulator and judges the outcome: success, or a clean refusal (a platform fault, or a
/// plugin's InvalidPluginExecutionException, which reaches the caller as IsvAborted with its message) that changed no
/// row. A crash (IsvUnExpected, any other .NET exception, an async job that failed unexpectedly) or a refusal that left
/// rows changed is a failure. A plugin refusal is repeated as a Spanish-speaking twin of the caller, and its message must
/// then differ: the refusal is translated, not English for everyone.
/// </summary>
public sealed class BadInputProbe(DataverseEmulator crm)
{
    /// <summary>IsvUnExpected: the platform's code for an exception other than InvalidPluginExecutionException in a plugin.</summary>
    public const int IsvUnExpected = -2147220956;

    /// <summary>IsvAborted: an InvalidPluginExecutionException thrown by a plugin.</summary>
    public const int IsvAborted = -2147220891;

    private readonly List<string> _failures = new();
    private int _jobsSeen;

    public int Tried { get; private set; }

    public int Refused { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>
    /// Runs <paramref name="act"/> as <paramref name="caller"/>; on a plugin refusal, again as <paramref name="spanishTwin"/>.
    /// With <paramref name="mustRefuse"/> (a wrong type, an id that names nothing, a negative number), success is a failure too.
    /// </summary>
    public void Try(string label, Guid caller, Guid spanishTwin, Action<IOrganizationService> act, bool mustRefuse = false)
    {
        Tried++;
        var before = crm.Snapshot();
        var english = ProbeSupport.Outcome(() => act(crm.ServiceAs(caller)));
        if (english is null)
        {
            if (mustRefuse) _failures.Add($"{label}: accepted, but this input must be refused");
            crm.DrainAsyncJobs();
            CheckAsyncJobs(label);
            return;
        }

        Refused++;
        Judge(label, english, before);
        if (english is FaultException<OrganizationServiceFault> { Detail.ErrorCode: IsvAborted })
        {
            var spanish = ProbeSupport.Outcome(() => act(crm.ServiceAs(spanishTwin)));
            if (spanish is FaultException<OrganizationServiceFault> { Detail.ErrorCode: IsvAborted } translated)
            {
                if (translated.Detail.Message == english.Message) _failures.Add($"{label}: refusal not translated: {english.Message}");
                Judge(label + " (es)", translated, before);
            }
            else
            {
                _failures.Add(
                    $"{label}: refused in English ({english.Message}) but not the same way in Spanish ({spanish?.Message ?? "success"})");
            }
        }
    }

    private void Judge(string label, Exception refusal, StoreSnapshot before)
    {
        var crash = Crash(refusal);
        if (crash is not null) _failures.Add($"{label}: {crash}");
        var diff = before.DiffTo(crm.Snapshot());
        if (!diff.IsEmpty) _failures.Add($"{label}: refused but wrote {diff}");
    }

    private void CheckAsyncJobs(string label)
    {
        foreach (var job in ProbeSupport.CrashedAsyncJobs(crm, ref _jobsSeen)) _failures.Add($"{label}: async job crashed: {job}");
    }

    private static string? Crash(Exception refusal) => refusal switch
    {
        FaultException<OrganizationServiceFault> { Detail.ErrorCode: IsvUnExpected } fault =>
            $"unexpected error {Detail(fault.Detail, "ExceptionType")}: {Detail(fault.Detail, "ExceptionMessage")}",
        FaultException<OrganizationServiceFault> fault when string.IsNullOrWhiteSpace(fault.Detail.Message) => "refused without a message",
        FaultException<OrganizationServiceFault> => null,
        _ => $"{refusal.GetType().FullName}: {refusal.Message}",
    };

    private static string Detail(OrganizationServiceFault fault, string key) =>
        fault.ErrorDetails.TryGetValue(key, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            ?? "" : "";

    /// <summary>The failures as one message (first 60), for an assertion.</summary>
    public string Report() => $"{_failures.Count} failure(s) in {Tried} inputs:\n" + string.Join("\n", _failures.Take(60));
}
