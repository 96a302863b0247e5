using Crm.Extensions.Emulator.Faults;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace Crm.Extensions.Emulator.Tests;

public class DuplicateDetectionTests
{
    private static DataverseEmulator WithAccountNameRule()
    {
        var options = new EmulatorOptions();
        options.DuplicateDetectionRules.Add(new DuplicateDetectionRule("account", "name"));
        return EmulatorFixture.Create(options);
    }

    private static CreateRequest CreateAccount(string name, bool? suppress)
    {
        var request = new CreateRequest { Target = new Entity("account") { ["name"] = name } };
        if (suppress is not null) request["SuppressDuplicateDetection"] = suppress.Value;
        return request;
    }

    [Fact]
    public void Should_FailWithDuplicateRecordsFound_When_CreateAsksForDetectionAndARuleMatches()
    {
        var crm = WithAccountNameRule();
        crm.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var fault = Faults.Expect(ErrorCodes.DuplicateRecordsFound, () => crm.Service.Execute(CreateAccount("CONTOSO", suppress: false)));

        Assert.Contains("duplicate", fault.Message, System.StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, crm.Count("account"));
    }

    [Fact]
    public void Should_CreateTheDuplicate_When_DetectionIsSuppressedOrNotRequested()
    {
        var crm = WithAccountNameRule();
        crm.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        crm.Service.Execute(CreateAccount("Contoso", suppress: true));
        crm.Service.Execute(CreateAccount("Contoso", suppress: null));

        Assert.Equal(3, crm.Count("account"));
    }

    [Fact]
    public void Should_FailWithDuplicateRecordsFound_When_UpdateMakesTheRowMatchAnother()
    {
        var crm = WithAccountNameRule();
        crm.Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var other = crm.Service.Create(new Entity("account") { ["name"] = "Fabrikam" });
        var rename = new UpdateRequest { Target = new Entity("account", other) { ["name"] = "Contoso" } };
        rename["SuppressDuplicateDetection"] = false;

        Faults.Expect(ErrorCodes.DuplicateRecordsFound, () => crm.Service.Execute(rename));

        Assert.Equal("Fabrikam", crm.Get("account", other)!["name"]);
        var sameName = new UpdateRequest { Target = new Entity("account", other) { ["name"] = "Fabrikam" } };
        sameName["SuppressDuplicateDetection"] = false;
        crm.Service.Execute(sameName);
    }

    [Fact]
    public void Should_IgnoreBlankValues_When_RuleColumnIsEmpty()
    {
        var options = new EmulatorOptions();
        options.DuplicateDetectionRules.Add(new DuplicateDetectionRule("account", "name", "accountnumber"));
        var crm = EmulatorFixture.Create(options);
        crm.Service.Create(new Entity("account") { ["name"] = "Contoso" });

        crm.Service.Execute(CreateAccount("Contoso", suppress: false));

        Assert.Equal(2, crm.Count("account"));
    }
}
