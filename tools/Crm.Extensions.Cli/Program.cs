using System;
using System.CommandLine;
using Crm.Extensions.Cli.Commands;

namespace Crm.Extensions.Cli;

/// <summary>crmx: packs, unpacks, validates and generates the CrmExtensions solution.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("crmx: build the CrmExtensions Dataverse solution without SolutionPackager.");
        root.Subcommands.Add(PackCommand.Create());
        root.Subcommands.Add(UnpackCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }
}
