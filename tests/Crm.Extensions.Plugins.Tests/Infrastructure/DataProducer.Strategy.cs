using System;
using Crm.Extensions.EarlyBound;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

public sealed partial class DataProducer
{
    public CrmStrategy Strategy(CrmStrategy.CurrentStepChoice step, Action<CrmStrategy>? with = null) =>
        Seeded(new CrmStrategy { Name = "CRM strategy 2027", CurrentStep = step }, with);

    public PortfolioAnalysis CompletedAnalysis() =>
        Seeded(new PortfolioAnalysis { AnalysisStatus = PortfolioAnalysis.AnalysisStatusChoice.Completed, CompletedOn = Crm.Clock.UtcNow },
            null);

    public CustomerSegment TargetSegment(string name) => Segment(s => { s.Name = name; s.IsTarget = true; });
}
