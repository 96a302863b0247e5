using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.Emulator;
using Crm.Extensions.Tests.Shared;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Workflows.Tests.BadInput;

/// <summary>
/// Runs one workflow input and judges the outcome: success, or an <see cref="InvalidPluginExecutionException"/> (what a
/// workflow shows its user) that changed no row of the whole store. Anything else that escapes the activity (a platform
/// fault, a .NET exception) is a crash: the system job would fail with a message the user cannot act on. The one platform
/// fault that counts as clean is its own privilege check on a request the activity makes as the workflow's user (Log
/// interaction creates as the user; Calculate RFM and Get next best offer read as the user): the platform names the missing
/// privilege, which is what the administrator has to grant, and writes nothing. A refusal of the product is repeated as a
/// Spanish-speaking twin of the workflow's user, whose message must differ (translated, not English for everyone).
/// </summary>
internal sealed class WorkflowInputProbe(DataverseEmulator crm)
{
    /// <summary>
    /// The platform's "Principal user is missing prvX privilege"
    /// (learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes).
    /// </summary>
    public const int PrivilegeDenied = -2147220960;

    private readonly List<string> _failures = new();
    private int _jobsSeen;

    public int Tried { get; private set; }

    public int Refused { get; private set; }

    /// <summary>Refusals by the platform's own privilege check (not translated by the product).</summary>
    public int PrivilegeRefusals { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Runs <paramref name="run"/> as <paramref name="user"/> (the workflow's user); on a refusal again as the twin.</summary>
    public void Try(string label, Guid user, Guid spanishTwin, Action<Guid> run, bool mustRefuse)
    {
        Tried++;
        var before = crm.Snapshot();
        var english = ProbeSupport.Outcome(() => run(user));
        if (english is null)
        {
            if (mustRefuse) _failures.Add($"{label}: accepted, but this input must be refused");
            crm.DrainAsyncJobs();
            CheckAsyncJobs(label);
            return;
        }

        Refused++;
        Judge(label, english, before);
        if (english is not InvalidPluginExecutionException) return;
        var spanish = ProbeSupport.Outcome(() => run(spanishTwin));
        if (spanish is not InvalidPluginExecutionException)
        {
            _failures.Add($"{label}: refused in English ({english.Message}) but not in Spanish ({spanish?.Message ?? "success"})");
            return;
        }

        if (spanish.Message == english.Message) _failures.Add($"{label}: refusal not translated: {english.Message}");
        Judge(label + " (es)", spanish, before);
    }

    private void Judge(string label, Exception refusal, StoreSnapshot before)
    {
        if (refusal is FaultException<OrganizationServiceFault> { Detail.ErrorCode: PrivilegeDenied })
        {
            PrivilegeRefusals++;
        }
        else if (refusal is not InvalidPluginExecutionException)
        {
            _failures.Add($"{label}: crashed with {refusal.GetType().Name}: {refusal.Message}");
        }
        else if (string.IsNullOrWhiteSpace(refusal.Message))
        {
            _failures.Add($"{label}: refused without a message");
        }

        var diff = before.DiffTo(crm.Snapshot());
        if (!diff.IsEmpty) _failures.Add($"{label}: refused but wrote {diff}");
    }

    private void CheckAsyncJobs(string label)
    {
        foreach (var job in ProbeSupport.CrashedAsyncJobs(crm, ref _jobsSeen)) _failures.Add($"{label}: async job crashed: {job}");
    }

    public string Report() => $"{_failures.Count} failure(s) in {Tried} inputs:\n" + string.Join("\n", _failures.Take(80));
}
