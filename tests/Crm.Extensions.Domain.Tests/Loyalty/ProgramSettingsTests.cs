using Crm.Extensions.Domain.Loyalty.Configuration;

namespace Crm.Extensions.Domain.Tests.Loyalty;

public sealed class ProgramSettingsTests
{
    [Fact]
    public void Should_CarryTheDocumentedDefaults_When_NothingIsConfigured()
    {
        var program = new ProgramSettings();

        Assert.Equal(12, program.QualificationWindowMonths);
        Assert.Equal(30, program.DowngradeGraceDays);
        Assert.Equal(14, program.PendingDays);
        Assert.Equal(ExpiryPolicy.AfterDays(365), program.Expiry);
        Assert.Equal(0.05m, program.VipTopProfitShare);
        Assert.Equal(90, program.DetractorUpgradeBlockDays);
        Assert.Empty(program.ExcludedFamilyIds);
        program.EnsureValid();
    }

    [Fact]
    public void Should_NameEveryWrongSettingInBothLanguages_When_TheConfigurationIsInvalid()
    {
        var program = new ProgramSettings { QualificationWindowMonths = 0, VipTopProfitShare = 1.5m };

        var refusal = Assert.Throws<BusinessRuleException>(program.EnsureValid);

        Assert.Contains("qualification window", refusal.Text.English, System.StringComparison.Ordinal);
        Assert.Contains("VIP top-profit share", refusal.Text.English, System.StringComparison.Ordinal);
        Assert.Contains("ventana de calificación", refusal.Text.Spanish, System.StringComparison.Ordinal);
        Assert.Contains("cuota VIP", refusal.Text.Spanish, System.StringComparison.Ordinal);
    }
}
