using System;
using System.IO;

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
