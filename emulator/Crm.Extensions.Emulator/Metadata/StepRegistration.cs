using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

public enum ImageKind
{
    Pre = 0,
    Post = 1,
    Both = 2,
}

public sealed record StepImageRegistration(string Alias, ImageKind Kind, IReadOnlyList<string> Attributes)
{
    public bool IsPre => Kind is ImageKind.Pre or ImageKind.Both;

    public bool IsPost => Kind is ImageKind.Post or ImageKind.Both;
}

/// <summary>One SdkMessageProcessingStep as deployed: the emulator fires exactly these.</summary>
public sealed record StepRegistration
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public string Name { get; init; } = "";

    /// <summary>Full type name (namespace and class), without the assembly part.</summary>
    public required string PluginTypeName { get; init; }

    public required string Message { get; init; }

    /// <summary>Table logical name; empty or "none" for any table.</summary>
    public string PrimaryEntity { get; init; } = "";

    public required int Stage { get; init; }

    /// <summary>0 synchronous, 1 asynchronous.</summary>
    public int Mode { get; init; }

    public int Rank { get; init; } = 1;

    public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();

    public IReadOnlyList<StepImageRegistration> Images { get; init; } = Array.Empty<StepImageRegistration>();

    public string? UnsecureConfiguration { get; init; }

    public string? SecureConfiguration { get; init; }

    /// <summary>Run in this user's context instead of the caller's (ImpersonatingUserId).</summary>
    public Guid? RunAsUserId { get; init; }

    public bool IsAsync => Mode == 1;

    public bool AppliesTo(string message, string table) =>
        string.Equals(Message, message, StringComparison.OrdinalIgnoreCase)
        && (
            string.IsNullOrEmpty(PrimaryEntity) || PrimaryEntity == "none"
            || string.Equals(PrimaryEntity, table, StringComparison.OrdinalIgnoreCase));

    public override string ToString()
        => $"{PluginTypeName}: {Message} of {PrimaryEntity}, stage {Stage}, rank {Rank}{(IsAsync ? ", async" : "")}";
}
