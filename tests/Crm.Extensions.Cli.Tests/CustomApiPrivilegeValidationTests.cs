using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Crm.Extensions.Cli.Validation;

namespace Crm.Extensions.Cli.Tests;

/// <summary>
/// validate fails a custom API that may write but names no execute privilege. The bad fixture is the packed product zip
/// with executeprivilegename removed from cx_RedeemReward's customapi.xml (the element of Microsoft's custom API export:
/// learn.microsoft.com/power-apps/developer/data-platform/create-custom-api-solution).
/// </summary>
[Collection(RepositoryCollection.Name)]
public sealed class CustomApiPrivilegeValidationTests(RepositoryFixture fixture)
{
    private const string RedeemEntry = "customapis/cx_RedeemReward/customapi.xml";

    [Fact]
    public void Should_FailValidation_When_ACustomApiHasNoExecutePrivilege()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"crmx-no-privilege-{Guid.NewGuid():N}.zip");
        File.Copy(fixture.UnmanagedZip, bad);
        try
        {
            RewriteEntry(bad, RedeemEntry, api => api.Element("executeprivilegename")!.Remove());

            var report = new PackageValidator(fixture.Schema).Validate(bad);

            var error = Assert.Single(report.CustomApiErrors);
            Assert.Contains("cx_RedeemReward may write but names no executeprivilegename", error, StringComparison.Ordinal);
            Assert.Contains(report.AllErrors, e => e.StartsWith("custom API: ", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Should_AcceptAFunctionWithoutPrivilege_When_ItCannotWrite()
    {
        var files = new System.Collections.Generic.Dictionary<string, byte[]>
        {
            ["customapis/cx_Peek/customapi.xml"] = System.Text.Encoding.UTF8.GetBytes(
                "<customapi uniquename=\"cx_Peek\"><executeprivilegename /><isfunction>1</isfunction></customapi>"),
            ["customapis/cx_Poke/customapi.xml"] = System.Text.Encoding.UTF8.GetBytes(
                "<customapi uniquename=\"cx_Poke\"><executeprivilegename /><isfunction>0</isfunction></customapi>"),
        };

        var errors = PackageChecks.CustomApiPrivileges(files);

        Assert.Contains("cx_Poke", Assert.Single(errors), StringComparison.Ordinal);
    }

    private static void RewriteEntry(string zipPath, string entryName, Action<XElement> change)
    {
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Update);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in the packed zip.");
        XDocument document;
        using (var read = entry.Open()) document = XDocument.Load(read);
        change(document.Root!);
        entry.Delete();
        using var write = zip.CreateEntry(entryName).Open();
        document.Save(write);
    }
}
