using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.Plugins.Framework;
using PropositionRow = Crm.Extensions.EarlyBound.ValueProposition;

namespace Crm.Extensions.Plugins.Propositions;

/// <summary>
/// A value proposition becomes (or stays) Active only with a stated customer benefit and a company margin at or above the
/// minimum (environment variable cx_MinimumPropositionMarginPercent, default 15%). Refused at PreValidation: nothing is written.
/// </summary>
public sealed class GuardPropositionActivation : PluginBase
{
    public GuardPropositionActivation(string? unsecure, string? secure)
        : base(unsecure, secure)
    {
        Register(StepDeclaration.On(SdkMessage.Create, PropositionRow.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, PropositionRow.EntityLogicalName, PipelineStage.PreValidation)
                .Filter(PropositionRow.Fields.PropositionStatus, PropositionRow.Fields.CompanyMargin, PropositionRow.Fields.CustomerBenefit)
                .WithPreImage(PropositionRow.Fields.PropositionStatus, PropositionRow.Fields.CompanyMargin, PropositionRow.Fields.CustomerBenefit),
            Handle);
    }

    private static void Handle(PluginContext context)
    {
        var proposition = PropositionRows.ToDomain(PropositionRows.Merged(context.Target, context.PreImage));
        if (!proposition.IsActive) return;

        var minimum = EnvironmentVariables.Read(context.SystemService, EnvironmentVariableNames.MinimumPropositionMarginPercent)
            .Decimal(EnvironmentVariableNames.MinimumPropositionMarginPercent, PropositionActivation.DefaultMinimumMarginPercent);
        PropositionActivation.EnsureCanActivate(proposition, minimum);
    }
}
