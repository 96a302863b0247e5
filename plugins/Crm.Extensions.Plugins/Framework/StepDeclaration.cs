using System;
using System.Collections.Generic;
using System.Linq;

namespace Crm.Extensions.Plugins.Framework;

/// <summary>An image a step asks the platform for, trimmed to the columns the handler reads.</summary>
public sealed record ImageDeclaration(string Alias, ImageType Type, IReadOnlyList<string> Columns);

/// <summary>
/// One registered step, declared once in code. The same declaration generates the solution's step XML,
/// registers the step in the emulator (through that XML) and guards Execute at run time.
/// </summary>
public sealed record StepDeclaration
{
    public const string PreImageAlias = "PreImage";
    public const string PostImageAlias = "PostImage";

    private StepDeclaration(SdkMessage message, string primaryEntity, PipelineStage stage)
    {
        Message = message;
        PrimaryEntity = primaryEntity;
        Stage = stage;
    }

    public SdkMessage Message { get; }

    /// <summary>Table logical name, or "none" for an unbound custom API.</summary>
    public string PrimaryEntity { get; }

    public PipelineStage Stage { get; }

    public ExecutionMode Mode { get; private init; } = ExecutionMode.Synchronous;

    /// <summary>Order among steps on the same event and stage. Every product step uses the platform's default, 1.</summary>
    public int Rank => 1;

    public IReadOnlyList<string> FilteringAttributes { get; private init; } = Array.Empty<string>();

    public IReadOnlyList<ImageDeclaration> Images { get; private init; } = Array.Empty<ImageDeclaration>();

    public static StepDeclaration On(SdkMessage message, string table, PipelineStage stage)
    {
        if (message is null) throw new ArgumentNullException(nameof(message));
        if (string.IsNullOrWhiteSpace(table)) throw new ArgumentException("A step needs a table.", nameof(table));
        if (stage == PipelineStage.MainOperation)
            throw new ArgumentException("Stage 30 is for custom APIs; use ForCustomApi.", nameof(stage));
        return new StepDeclaration(message, table, stage);
    }

    public static StepDeclaration ForCustomApi(string uniqueName, string boundTable = "none") =>
        new(SdkMessage.CustomApi(uniqueName), boundTable, PipelineStage.MainOperation);

    /// <summary>Runs after commit, in a system job. Dataverse allows this only at PostOperation.</summary>
    public StepDeclaration Async()
    {
        if (Stage != PipelineStage.PostOperation) throw new InvalidOperationException("Only PostOperation steps can run asynchronously.");
        return this with { Mode = ExecutionMode.Asynchronous };
    }

    /// <summary>Update steps fire only when one of these columns is in Target.</summary>
    public StepDeclaration Filter(params string[] columns)
    {
        if (!Message.SupportsFilteringAttributes) throw new InvalidOperationException($"{Message} does not support filtering attributes.");
        return this with { FilteringAttributes = Sorted(FilteringAttributes.Concat(columns)) };
    }

    public StepDeclaration WithPreImage(params string[] columns) => WithImage(PreImageAlias, ImageType.PreImage, columns);

    public StepDeclaration WithPostImage(params string[] columns) => WithImage(PostImageAlias, ImageType.PostImage, columns);

    /// <summary>True when the platform event is one this step was declared for.</summary>
    public bool Matches(string messageName, string primaryEntity, int stage, int mode) =>
        string.Equals(Message.Name, messageName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PrimaryEntity, primaryEntity, StringComparison.OrdinalIgnoreCase)
        && (int)Stage == stage
        && (int)Mode == mode;

    public override string ToString() => $"{Message} of {PrimaryEntity}, stage {(int)Stage}, {Mode}";

    private StepDeclaration WithImage(string alias, ImageType type, string[] columns)
    {
        if (!Message.SupportsImages) throw new InvalidOperationException($"{Message} does not support images.");
        if (columns.Length == 0) throw new ArgumentException("Name the image's columns; full-row images are not allowed.", nameof(columns));
        if (type == ImageType.PreImage && Message == SdkMessage.Create) throw new InvalidOperationException("Create has no pre-image.");
        if (type == ImageType.PostImage && (Message == SdkMessage.Delete || Stage != PipelineStage.PostOperation))
            throw new InvalidOperationException("A post-image exists only at PostOperation, and never on Delete.");
        return this with { Images = Images.Concat(new[] { new ImageDeclaration(alias, type, Sorted(columns)) }).ToArray() };
    }

    private static string[] Sorted(IEnumerable<string> columns) =>
        columns.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToArray();
}
