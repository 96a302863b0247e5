using Crm.Extensions.Dataverse.Loyalty;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Loyalty;

/// <summary>
/// A loyalty program is saved only with valid settings (the same rules the invoice step applies when it reads the
/// program), so a bad setting is refused where it is typed, in the user's language, instead of at the next payment.
/// PreValidation: nothing is written. No request: the row comes from Target over the pre-image.
/// </summary>
public sealed class GuardLoyaltyProgram : PluginBase
{
    public GuardLoyaltyProgram(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, LoyaltyProgram.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, LoyaltyProgram.EntityLogicalName, PipelineStage.PreValidation)
                .Filter(LoyaltyProgramReader.SettingColumns)
                .WithPreImage(LoyaltyProgramReader.SettingColumns),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var row = new Entity(LoyaltyProgram.EntityLogicalName, context.Target.Id);
        if (context.PreImage is { } stored) foreach (var column in stored.Attributes) row[column.Key] = column.Value;
        foreach (var column in context.Target.Attributes) row[column.Key] = column.Value;
        LoyaltyProgramReader.Settings(row);
    }
}
