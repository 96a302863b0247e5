using System;
using System.Collections.Generic;

namespace Crm.Extensions.Emulator.Metadata;

public sealed record CustomApiParameter(string UniqueName, int Type, bool IsOptional);

/// <summary>A custom API from customapis/: its unique name is the message name; its plugin type runs at stage 30.</summary>
public sealed record CustomApiMetadata(string UniqueName)
{
    /// <summary>0 global, 1 entity, 2 entity collection.</summary>
    public int BindingType { get; init; }

    public string? BoundEntity { get; init; }

    public bool IsFunction { get; init; }

    public string? PluginTypeName { get; init; }

    /// <summary>The privilege a caller must hold (at any depth) to execute the API; null when anyone may call it.</summary>
    public string? ExecutePrivilegeName { get; init; }

    public List<CustomApiParameter> RequestParameters { get; } = new();

    public List<CustomApiParameter> ResponseProperties { get; } = new();

    public string PrimaryEntity => BindingType == 1 && !string.IsNullOrEmpty(BoundEntity) ? BoundEntity : "none";

    public bool IsBound => BindingType == 1;

    public bool HasResponse(string name)
        => ResponseProperties.Exists(p => string.Equals(p.UniqueName, name, StringComparison.OrdinalIgnoreCase));
}
