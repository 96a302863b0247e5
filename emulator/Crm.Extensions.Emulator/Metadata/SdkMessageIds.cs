using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Crm.Extensions.Emulator.Metadata;

/// <summary>
/// Step XML names its message by SdkMessageId only. Platform messages have the same id in every environment
/// (Microsoft Learn, "Use messages with the SDK for .NET"); any other message is read from the step name,
/// which the Plugin Registration Tool writes as "&lt;plugin type&gt;: &lt;Message&gt; of &lt;table&gt;".
/// </summary>
internal static partial class SdkMessageIds
{
    private static readonly Dictionary<Guid, string> WellKnown = new()
    {
        [Guid.Parse("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Assign",
        [Guid.Parse("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [Guid.Parse("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
        [Guid.Parse("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Retrieve",
        [Guid.Parse("03bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "RetrieveMultiple",
        [Guid.Parse("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
        [Guid.Parse("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetStateDynamicEntity",
        [Guid.Parse("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
    };

    public static string Resolve(string? messageId, string stepName)
    {
        if (Guid.TryParse(messageId, out var id) && WellKnown.TryGetValue(id, out var name)) return name;
        var match = StepName().Match(stepName);
        if (match.Success) return match.Groups["message"].Value;
        throw new InvalidOperationException(
            $"Step '{stepName}' names message {messageId}, which is not a platform message id, and its name does not follow '<type>: " +
            $"<Message> of <table>'.");
    }

    [GeneratedRegex(@"^.+?:\s*(?<message>[^\s:]+)\s+of\s+.+$", RegexOptions.IgnoreCase)]
    private static partial Regex StepName();
}
