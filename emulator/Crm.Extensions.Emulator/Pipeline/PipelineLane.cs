using System;
using System.Collections.Generic;
using System.Linq;
using Crm.Extensions.Emulator.Metadata;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Emulator.Pipeline;

/// <summary>
/// One message's view of an operation. A Create also raises a CreateMultiple lane with one Target, and a CreateMultiple
/// raises one Create lane per target: Dataverse merges the two pipelines, so steps on either message run.
/// </summary>
internal sealed class PipelineLane
{
    private static readonly HashSet<string> MessagesWithImages = new(StringComparer.OrdinalIgnoreCase)
    {
        "Create", "Update", "Delete", "CreateMultiple", "UpdateMultiple", "Assign", "SetState", "SetStateDynamicEntity", "Merge",
    };

    public PipelineLane(string message, string table, ParameterCollection input)
    {
        Message = message;
        Table = table;
        Input = input;
    }

    public string Message { get; }

    public string Table { get; }

    public ParameterCollection Input { get; }

    public Guid PrimaryEntityId { get; set; }

    public bool IsMultiple => Message.EndsWith("Multiple", StringComparison.OrdinalIgnoreCase) && Message != "RetrieveMultiple";

    public bool SupportsImages => MessagesWithImages.Contains(Message);

    public IReadOnlyList<StepRegistration> Steps { get; set; } = Array.Empty<StepRegistration>();

    /// <summary>Rows as they were before the operation, by id (the source of pre-images).</summary>
    public Dictionary<Guid, Entity> PreRows { get; } = new();

    /// <summary>Rows after the main operation, by id (the source of post-images).</summary>
    public Dictionary<Guid, Entity> PostRows { get; } = new();

    public PluginExecutionContext PreValidationContext { get; set; } = null!;

    public PluginExecutionContext OperationContext { get; set; } = null!;

    /// <summary>The target ids this lane covers, read now: Create ids exist only after the main operation.</summary>
    public IReadOnlyList<Guid> TargetIds()
    {
        if (Input.TryGetValue("Targets", out var targets) && targets is EntityCollection collection)
            return collection.Entities.Select(e => e.Id).ToList();
        return PrimaryEntityId == Guid.Empty ? Array.Empty<Guid>() : new[] { PrimaryEntityId };
    }

    /// <summary>Filtering attributes apply to Update only, and are checked against Target as it is now, after earlier steps.</summary>
    public bool PassesFilter(StepRegistration step)
    {
        if (step.FilteringAttributes.Count == 0) return true;
        if (!Message.Equals("Update", StringComparison.OrdinalIgnoreCase)
            && !Message.Equals("UpdateMultiple", StringComparison.OrdinalIgnoreCase)) return true;
        IEnumerable<Entity> targets = Input.TryGetValue("Targets", out var many) && many is EntityCollection collection
            ? collection.Entities
            : Input.TryGetValue("Target", out var one) && one is Entity entity ? new[] { entity } : Array.Empty<Entity>();
        return targets.Any(t => step.FilteringAttributes.Any(t.Attributes.ContainsKey));
    }
}
