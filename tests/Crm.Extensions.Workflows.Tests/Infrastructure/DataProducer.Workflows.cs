using System;
using Crm.Extensions.EarlyBound;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.Infrastructure;

/// <summary>Rows only the workflow tests need: a portfolio analysis that has completed.</summary>
public sealed partial class DataProducer
{
    public PortfolioAnalysis CompletedAnalysis(Action<PortfolioAnalysis>? with = null)
    {
        var analysis = new PortfolioAnalysis
        {
            Id = Guid.NewGuid(),
            [PortfolioAnalysis.Fields.Name] = "Portfolio analysis",
            [PortfolioAnalysis.Fields.AnalysisStatus] = new OptionSetValue((int)PortfolioAnalysis.AnalysisStatusChoice.Completed),
            [PortfolioAnalysis.Fields.CompletedOn] = Crm.Clock.UtcNow.AddDays(-1),
        };
        return Seeded(analysis, with);
    }
}
