using System.IO;
using System.Linq;
using Crm.Extensions.Workflows.Tests.Infrastructure;

namespace Crm.Extensions.Workflows.Tests.Metadata;

/// <summary>
/// The net462 assembly that deploys, read with System.Reflection.Metadata: what the classic workflow designer will
/// see (activities, argument names, types and attributes) and what Dataverse's sandbox will bind (references).
/// </summary>
public sealed class WorkflowAssemblyMetadataTests
{
    private const string Activities = "Crm.Extensions.Workflows.Activities";
    private const string EntityReference = "Microsoft.Xrm.Sdk.EntityReference";
    private const string OptionSetValue = "Microsoft.Xrm.Sdk.OptionSetValue";
    private const string MicrosoftToken = "31bf3856ad364e35";

    public static TheoryData<string, string[]> ExpectedArguments => new()
    {
        {
            "CalculateRfm", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                Out("RecencyScore", "System.Int32", "[Output(Recency score)]"),
                Out("FrequencyScore", "System.Int32", "[Output(Frequency score)]"),
                Out("MonetaryScore", "System.Int32", "[Output(Monetary score)]"),
                Out("RfmScore", "System.Int32", "[Output(RFM score)]"),
                Out("SegmentName", "System.String", "[Output(Segment name)]"),
            }
        },
        {
            "EvaluateLifecycleStage", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                Out("Stage", OptionSetValue, "[AttributeTarget(contact, cx_lifecyclestage)] [Output(Lifecycle stage)]"),
                Out("Changed", "System.Boolean", "[Output(Stage changed)]"),
            }
        },
        {
            "AdvanceLoyaltyPhase", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                In("Product", EntityReference, "[Input(Product)] [ReferenceTarget(product)] [RequiredArgument()]"),
                Out("Family", EntityReference, "[Output(Product family)] [ReferenceTarget(product)]"),
                Out("Phase", OptionSetValue, "[AttributeTarget(cx_loyaltyjourney, cx_phase)] [Output(Loyalty phase)]"),
            }
        },
        {
            "GrantLoyaltyPoints", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                In("Points", "System.Int32", "[Input(Points)] [RequiredArgument()]"),
                In("Reason", "System.String", "[Input(Reason)]"),
                In("SourceKey", "System.String", "[Input(Source key (one grant per key and customer))] [RequiredArgument()]"),
                Out("LedgerEntry", EntityReference, "[Output(Ledger entry)] [ReferenceTarget(cx_loyaltytransaction)]"),
            }
        },
        {
            "RedeemReward", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                In("Reward", EntityReference, "[Input(Reward)] [ReferenceTarget(cx_reward)] [RequiredArgument()]"),
                Out("VoucherCode", "System.String", "[Output(Voucher code)]"),
                Out("Redemption", EntityReference, "[Output(Redemption)] [ReferenceTarget(cx_rewardredemption)]"),
            }
        },
        {
            "IsBirthdayToday", new[]
            {
                In("Contact", EntityReference, "[Input(Contact)] [ReferenceTarget(contact)] [RequiredArgument()]"),
                Out("IsBirthday", "System.Boolean", "[Output(Is birthday today)]"),
                Out("Age", "System.Int32", "[Output(Age)]"),
            }
        },
        {
            "GetNextBestOffer", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                Out("Proposition", EntityReference, "[Output(Proposition)] [ReferenceTarget(cx_valueproposition)]"),
                Out("OfferText", "System.String", "[Output(Offer text)]"),
            }
        },
        {
            "LogInteraction", new[]
            {
                In("Contact", EntityReference, "[Input(Customer (contact))] [ReferenceTarget(contact)]"),
                In("Account", EntityReference, "[Input(Customer (account))] [ReferenceTarget(account)]"),
                In("Channel", OptionSetValue, "[AttributeTarget(cx_interaction, cx_channel)] [Input(Channel)]"),
                In("Reason", "System.String", "[Input(Reason)]"),
                In("Kind", OptionSetValue, "[AttributeTarget(cx_interaction, cx_kind)] [Default(586700000)] [Input(Kind)]"),
                In("DurationMinutes", "System.Int32", "[Input(Duration (minutes))]"),
                Out("Interaction", EntityReference, "[Output(Interaction)] [ReferenceTarget(cx_interaction)]"),
            }
        },
    };

    /// <summary>The designer's name of each activity, which the steps generator writes as the plugin type's FriendlyName.</summary>
    public static TheoryData<string, string> ExpectedDisplayNames => new()
    {
        { "CalculateRfm", "Calculate RFM" },
        { "EvaluateLifecycleStage", "Evaluate lifecycle stage" },
        { "AdvanceLoyaltyPhase", "Advance loyalty phase" },
        { "GrantLoyaltyPoints", "Grant loyalty points" },
        { "RedeemReward", "Redeem reward" },
        { "GetNextBestOffer", "Get next best offer" },
        { "IsBirthdayToday", "Is birthday today" },
        { "LogInteraction", "Log interaction" },
    };

    [Theory]
    [MemberData(nameof(ExpectedDisplayNames))]
    public void Should_CarryAFriendlyEnglishName_When_TheActivityIsRead(string activity, string displayName)
    {
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);

        Assert.Equal(displayName, metadata.DisplayName(Activities, activity));
    }

    [Fact]
    public void Should_ListExactlyTheDeliveredActivities_When_TheNet462AssemblyIsRead()
    {
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);

        Assert.Equal(
            ExpectedArguments.Select(row => (string)row[0]).OrderBy(n => n, System.StringComparer.Ordinal),
            metadata.PublicConcreteTypes(Activities));
        Assert.Equal(8, metadata.PublicConcreteTypes(Activities).Count);
    }

    [Theory]
    [MemberData(nameof(ExpectedArguments))]
    public void Should_DeriveFromCodeActivity_When_TheActivityIsRead(string activity, string[] arguments)
    {
        _ = arguments;
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);

        Assert.Equal("System.Activities.CodeActivity", metadata.BaseChain(Activities, activity).Last());
    }

    [Theory]
    [MemberData(nameof(ExpectedArguments))]
    public void Should_DeclareInAndOutArgumentsWithTheirAttributes_When_TheActivityIsRead(string activity, string[] arguments)
    {
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);

        Assert.Equal(string.Join("\n", arguments), string.Join("\n", metadata.Arguments(Activities, activity)));
    }

    [Fact]
    public void Should_ReferenceOnlyTheSdkContractAndDotNetFramework_When_TheNet462AssemblyIsRead()
    {
        using var metadata = new ActivityMetadata(BuildPaths.WorkflowAssembly);
        var framework = Directory.EnumerateFiles(BuildPaths.Net462ReferenceAssemblies, "*.dll", SearchOption.AllDirectories)
            .Select(ActivityMetadata.AssemblyNameOf)
            .Where(name => name is not null)
            .Select(name => Identity(name!))
            .ToHashSet();
        // Microsoft.Crm.Sdk.Proxy: the shared Dataverse adapters send typed messages (AddMemberListRequest); the sandbox supplies it.
        var sdk = new[] { "Microsoft.Xrm.Sdk", "Microsoft.Xrm.Sdk.Workflow", "Microsoft.Crm.Sdk.Proxy" }.Select(
            n => n + ", 9.0.0.0, " + MicrosoftToken).ToHashSet();

        var foreign = metadata.References().Select(Identity).Where(r => !framework.Contains(r) && !sdk.Contains(r)).ToList();

        Assert.Equal(string.Empty, string.Join("; ", foreign));
        Assert.Contains("Microsoft.Xrm.Sdk.Workflow, 9.0.0.0, " + MicrosoftToken, metadata.References().Select(Identity));
        Assert.Contains(metadata.References(), r => r.Name == "System.Activities");
    }

    private static string In(string name, string type, string attributes)
        => name + ": System.Activities.InArgument`1<" + type + "> " + attributes;

    private static string Out(string name, string type, string attributes)
        => name + ": System.Activities.OutArgument`1<" + type + "> " + attributes;

    private static string Identity(System.Reflection.AssemblyName name) =>
        name.Name + ", " + name.Version + ", "
            + System.Convert.ToHexString(name.GetPublicKeyToken() ?? System.Array.Empty<byte>()).ToLowerInvariant();
}
