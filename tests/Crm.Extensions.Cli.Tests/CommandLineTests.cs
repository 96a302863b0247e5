using System;
using System.IO;
using System.Linq;

namespace Crm.Extensions.Cli.Tests;

/// <summary>Runs crmx's entry point; console redirection is process-wide, so these tests do not run in parallel with each other.</summary>
[Collection(Name)]
public sealed class CommandLineTests
{
    public const string Name = "Console";

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            return (Program.Main(args), output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }

    [Fact]
    public void Should_ExitNonZeroWithAMessage_When_PackingAMissingFolder()
    {
        var missing = Path.Combine(Path.GetTempPath(), "crmx-missing-" + Guid.NewGuid().ToString("N"));

        var (exitCode, _, error) = Run("pack", "--folder", missing, "--output", Path.GetTempPath());

        Assert.Equal(1, exitCode);
        Assert.Contains($"error: The solution folder {missing} does not exist.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_ExitNonZeroWithAMessage_When_UnpackingAMissingZip()
    {
        var (exitCode, _, error) = Run("unpack", "nothing-here.zip", "--folder", Path.GetTempPath());

        Assert.Equal(1, exitCode);
        Assert.Contains("nothing-here.zip does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_PackBothAndValidateClean_When_RunThroughTheCommandLine()
    {
        var repository = Commands.RepositoryPaths.Find(AppContext.BaseDirectory);
        var output = Directory.CreateTempSubdirectory("crmx-cli-").FullName;
        try
        {
            var pack = Run("pack", "--type", "both", "--folder", repository.SolutionSource, "--output", output);
            var zips = Directory.GetFiles(output, "*.zip");
            var validate = Run(["validate", .. zips]);

            Assert.Equal(0, pack.ExitCode);
            Assert.Equal(2, zips.Length);
            Assert.Equal(0, validate.ExitCode);
            Assert.Equal(2,
                validate.Output.Split('\n')
                .Count(
                    line => line.Contains(
                        ": 0 schema errors, 0 solution.xml errors, 0 dangling FileNames, 0 missing plugin types, 0 duplicate ids, "
                + "0 import rule errors.", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Should_ExitNonZero_When_ValidatingAZipThatIsNotAZip()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a zip");

            var (exitCode, _, error) = Run("validate", file);

            Assert.Equal(1, exitCode);
            Assert.Contains("is not a zip file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_RejectTheValue_When_PackTypeIsUnknown()
    {
        var (exitCode, _, error) = Run("pack", "--type", "sideways");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("sideways", error, StringComparison.Ordinal);
    }
}

[CollectionDefinition(CommandLineTests.Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
}
