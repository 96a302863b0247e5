using System;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>A message a step can be registered on. Typed, so declarations carry no free-form strings.</summary>
public sealed record SdkMessage
{
    private SdkMessage(string name, bool supportsImages, bool supportsFilteringAttributes)
    {
        Name = name;
        SupportsImages = supportsImages;
        SupportsFilteringAttributes = supportsFilteringAttributes;
    }

    public string Name { get; }

    public bool SupportsImages { get; }

    public bool SupportsFilteringAttributes { get; }

    public static SdkMessage Create { get; } = new("Create", supportsImages: true, supportsFilteringAttributes: false);

    public static SdkMessage Update { get; } = new("Update", supportsImages: true, supportsFilteringAttributes: true);

    public static SdkMessage Delete { get; } = new("Delete", supportsImages: true, supportsFilteringAttributes: false);

    public static SdkMessage Associate { get; } = new("Associate", supportsImages: false, supportsFilteringAttributes: false);

    public static SdkMessage Disassociate { get; } = new("Disassociate", supportsImages: false, supportsFilteringAttributes: false);

    /// <summary>A custom API of this solution: its unique name is the message name.</summary>
    public static SdkMessage CustomApi(string uniqueName)
    {
        if (string.IsNullOrWhiteSpace(uniqueName)) throw new ArgumentException("A custom API needs its unique name.", nameof(uniqueName));
        return new SdkMessage(uniqueName, supportsImages: false, supportsFilteringAttributes: false);
    }

    public override string ToString() => Name;
}
