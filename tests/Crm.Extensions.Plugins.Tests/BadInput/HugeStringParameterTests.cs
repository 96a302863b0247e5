using System;
using System.Linq;
using System.ServiceModel;
using Crm.Extensions.EarlyBound;
using Crm.Extensions.Plugins.Tests.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace Crm.Extensions.Plugins.Tests.BadInput;

/// <summary>
/// Every string parameter of the product's custom APIs (customapirequestparameter type 10: cx_AdjustPoints.Note,
/// cx_EvaluateLifecycle.Cursor, cx_SnapshotKpis.Period) refuses a 10,000-character value with the product's own message,
/// in English and in Spanish, before anything is written, as the caller who may otherwise call the API.
/// </summary>
public sealed class HugeStringParameterTests
{
    private const int IsvAborted = -2147220891;

    public static TheoryData<string, string, string> StringParameters() => new()
    {
        { "cx_AdjustPoints", "Note", "Loyalty Administrator" },
        { "cx_EvaluateLifecycle", "Cursor", "CRM Strategy Manager" },
        { "cx_SnapshotKpis", "Period", "CRM Strategy Manager" },
    };

    [Fact]
    public void Should_ListEveryStringParameter_When_TheSolutionIsLoaded()
    {
        var declared = ProductSolution.Start().Metadata.CustomApis.Values
            .SelectMany(api => api.RequestParameters.Where(p => p.Type == 10).Select(p => api.UniqueName + "." + p.UniqueName))
            .OrderBy(n => n, StringComparer.Ordinal);

        var listed = StringParameters().Select(row => (string)row[0] + "." + (string)row[1]).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(listed, declared);
    }

    [Theory]
    [MemberData(nameof(StringParameters))]
    public void Should_RefuseInEnglishAndSpanishBeforeWriting_When_AStringParameterHas10000Characters(
        string api, string parameter, string role)
    {
        var crm = ProductSolution.Start();
        var data = new DataProducer(crm);
        var program = data.Program();
        var customer = data.Contact();
        data.AvailablePoints(customer, program, 500);
        var english = crm.CreateUser(role, roles: new[] { role });
        var spanish = crm.CreateUser(role + " (es)", uiLanguageId: 3082, roles: new[] { role });
        var request = new OrganizationRequest(api) { [parameter] = new string('x', 10_000) };
        if (api == "cx_AdjustPoints")
        {
            request["Customer"] = customer.ToEntityReference();
            request["Points"] = 100;
            request["ReasonCode"] = new OptionSetValue((int)GlobalChoices.AdjustmentReason.Goodwill);
        }

        var before = crm.Snapshot();
        var inEnglish = Assert.Throws<FaultException<OrganizationServiceFault>>(() => crm.ServiceAs(english).Execute(request)).Detail;
        var inSpanish = Assert.Throws<FaultException<OrganizationServiceFault>>(() => crm.ServiceAs(spanish).Execute(request)).Detail;

        Assert.Equal(IsvAborted, inEnglish.ErrorCode);
        Assert.Equal(IsvAborted, inSpanish.ErrorCode);
        Assert.NotEqual(inEnglish.Message, inSpanish.Message);
        Assert.True(before.DiffTo(crm.Snapshot()).IsEmpty, "A refused request changed rows.");
    }
}
