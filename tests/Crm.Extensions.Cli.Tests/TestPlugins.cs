using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

namespace Crm.Extensions.Cli.Tests.TestPlugins;

/// <summary>
/// A small plugin of the tests' own, so the generator tests do not move with the product's steps: one sync Update step with a filter and a
/// pre-image, one async Create step, and a custom API.
/// </summary>
public sealed class RecordInteractionPlugin : PluginBase
{
    public const string CustomApi = "cx_TestApi";

    public RecordInteractionPlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
        Register(
            StepDeclaration.On(SdkMessage.Update, Interaction.EntityLogicalName, PipelineStage.PreOperation)
                .Filter(Interaction.Fields.OccurredOn, Interaction.Fields.DurationMinutes)
                .WithPreImage(Interaction.Fields.CustomerId),
            _ => { });
        Register(
            StepDeclaration.On(SdkMessage.Create, Interaction.EntityLogicalName, PipelineStage.PostOperation).Async()
                .WithPostImage(Interaction.Fields.CustomerId, Interaction.Fields.OccurredOn),
            _ => { });
        Register(StepDeclaration.ForCustomApi(CustomApi), _ => { });
    }
}

/// <summary>A second plugin on another table, so ordering and ids across types are exercised.</summary>
public sealed class ValidatePreferencePlugin : PluginBase
{
    public ValidatePreferencePlugin(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
        Register(StepDeclaration.On(SdkMessage.Create, Preference.EntityLogicalName, PipelineStage.PreValidation), _ => { });
    }
}

/// <summary>Abstract bases are not plugin types.</summary>
public abstract class AbstractTestPlugin(string? unsecure, string? secure) : PluginBase(unsecure, secure);
