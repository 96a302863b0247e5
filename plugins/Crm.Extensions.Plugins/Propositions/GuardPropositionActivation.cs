using Crm.Extensions.Dataverse.Configuration;
using Crm.Extensions.Dataverse.Propositions;
using Crm.Extensions.Domain.Propositions;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Framework;

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
        Register(StepDeclaration.On(SdkMessage.Create, ValueProposition.EntityLogicalName, PipelineStage.PreValidation), Handle);
        Register(
            StepDeclaration.On(SdkMessage.Update, ValueProposition.EntityLogicalName, PipelineStage.PreValidation)
                .Filter(ValueProposition.Fields.PropositionStatus, ValueProposition.Fields.CompanyMargin,
                    ValueProposition.Fields.CustomerBenefit)
                .WithPreImage(ValueProposition.Fields.PropositionStatus, ValueProposition.Fields.CompanyMargin,
                    ValueProposition.Fields.CustomerBenefit),
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
