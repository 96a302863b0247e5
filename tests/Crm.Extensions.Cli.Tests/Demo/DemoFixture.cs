using System;
using System.IO;
using Crm.Extensions.Cli.Commands;
using Crm.Extensions.Cli.Demo;

namespace Crm.Extensions.Cli.Tests.Demo;

/// <summary>One small demo run (200 customers, 6 months) shared by the tests that read its report, data and final state.</summary>
public sealed class DemoFixture : IDisposable
{
    public const int Customers = 200;
    public const int Months = 6;

    public DemoFixture()
    {
        Repository = RepositoryPaths.Find(AppContext.BaseDirectory);
        Folder = Directory.CreateTempSubdirectory("crmx-demo-").FullName;
        Options = new DemoOptions(Customers, Months, DemoOptions.DefaultSeed, "en", Path.Combine(Folder, "first"));
        Outcome = DemoRun.Execute(Options, Repository.SolutionSource, new SilentProgress());
    }

    public RepositoryPaths Repository { get; }

    public string Folder { get; }

    public DemoOptions Options { get; }

    public DemoOutcome Outcome { get; }

    public string Report => File.ReadAllText(Outcome.Report);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public sealed class SilentProgress : IDemoProgress
    {
        public int MonthsReported { get; private set; }

        public int CustomersReported { get; private set; }

        public int ReportStepsDone { get; private set; }

        public void Company(int created, int total, long requests) => CustomersReported = created;

        public void Month(int done, int total, string month, int events, long requests) => MonthsReported = done;

        public void Report(int done, int total, string step) => ReportStepsDone = done;
    }
}
