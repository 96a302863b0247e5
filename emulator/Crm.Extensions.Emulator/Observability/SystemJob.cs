using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Observability;

public enum SystemJobStatus
{
    Waiting,
    Succeeded,
    Failed,
}

/// <summary>An async step's job (AsyncOperation): its attempts and, when it failed, the error Dataverse records there.</summary>
public sealed class SystemJob
{
    internal SystemJob(string name) => Name = name;

    public string Name { get; }

    public int Attempts { get; internal set; }

    public SystemJobStatus Status { get; internal set; } = SystemJobStatus.Waiting;

    public string? Error { get; internal set; }

    public List<string> Messages { get; } = new();

    public override string ToString() => $"{Name}: {Status} after {Attempts} attempt(s){(Error is null ? "" : ": " + Error)}";
}
