using System;
using System.IO;
using System.Linq;

namespace Crm.Extensions.Cli.Tests.Demo;

/// <summary>crmx demo refuses values it cannot use with one line on stderr and exit code 2, before simulating anything.</summary>
[Collection(CommandLineTests.Name)]
public sealed class DemoCommandTests
{
    [Theory]
    [InlineData("--customers", "0", "--customers must be between 1 and 200,000; got 0.")]
    [InlineData("--customers", "-5", "--customers must be between 1 and 200,000; got -5.")]
    [InlineData("--months", "-1", "--months must be between 1 and 60; got -1.")]
    [InlineData("--seed", "-3", "--seed must be zero or positive; got -3.")]
    [InlineData("--lang", "fr", "--lang must be en or es; got 'fr'.")]
    public void Should_ExitWithCodeTwoAndOneLine_When_AValueIsUnusable(string option, string value, string message)
    {
        var (exitCode, error) = Run("demo", option, value, "--out", Path.Combine(Path.GetTempPath(), "crmx-demo-refused"));

        Assert.Equal(2, exitCode);
        Assert.Equal("error: " + message, error.TrimEnd());
    }

    [Fact]
    public void Should_ExitWithCodeTwo_When_TheOutputFolderCannotBeWritten()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (exitCode, error) = Run("demo", "--out", Path.Combine(file, "demo"));

            Assert.Equal(2, exitCode);
            Assert.StartsWith("error: --out '", error, StringComparison.Ordinal);
            Assert.Single(error.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Should_WriteTheSameStdoutEveryRun_When_OutputIsRedirected()
    {
        var folder = Directory.CreateTempSubdirectory("crmx-demo-lines-").FullName;
        try
        {
            var first = RunRedirected("demo", "--customers", "20", "--months", "2", "--out", folder);
            var second = RunRedirected("demo", "--customers", "20", "--months", "2", "--out", folder);

            Assert.Equal(0, first.ExitCode);
            Assert.Equal(first.Output, second.Output);
            Assert.DoesNotContain('\u001b', first.Output);
            // The one thing that differs between runs goes to stderr, so a CI log diff shows only real changes.
            Assert.StartsWith("Time: ", first.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Should_PrintEachPhaseWithItsOwnCounters_When_OutputIsRedirected()
    {
        var folder = Directory.CreateTempSubdirectory("crmx-demo-lines-").FullName;
        try
        {
            var lines = RunRedirected("demo", "--customers", "20", "--months", "2", "--out", folder).Output.Split('\n');

            Assert.Matches(@"^Company: 20 customers, [\d,]+ requests$", lines[0].TrimEnd());
            Assert.Matches(@"^Months:  2025-01 \(1/2\), [\d,]+ events, [\d,]+ requests$", lines[1].TrimEnd());
            Assert.Matches(@"^Months:  2025-02 \(2/2\), [\d,]+ events, [\d,]+ requests$", lines[2].TrimEnd());
            Assert.Equal(new[] { "Report:  figures (1/3)", "Report:  report.html (2/3)", "Report:  data/*.csv (3/3)" },
                lines[3..6].Select(l => l.TrimEnd()));
            Assert.Contains(lines, line => line.StartsWith("Report: " + Path.Combine(folder, "report.html"), StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) RunRedirected(params string[] args)
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            var (exitCode, error) = Run(args);
            return (exitCode, output.ToString(), error);
        }
        finally
        {
            Console.SetOut(previous);
        }
    }

    private static (int ExitCode, string Error) Run(params string[] args)
    {
        var error = new StringWriter();
        var previous = Console.Error;
        Console.SetError(error);
        try
        {
            return (Program.Main(args), error.ToString());
        }
        finally
        {
            Console.SetError(previous);
        }
    }
}
