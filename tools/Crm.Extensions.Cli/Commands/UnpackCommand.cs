using System;
using System.CommandLine;
using Crm.Extensions.Cli.Packaging;

namespace Crm.Extensions.Cli.Commands;

/// <summary>crmx unpack ZIP --folder DIR: the inverse of pack.</summary>
internal static class UnpackCommand
{
    public static Command Create()
    {
        var zip = new Argument<string>("zip") { Description = "The solution zip to unpack." };
        var folder = new Option<string>("--folder") { Description = "Folder to write the SolutionPackager layout to.", Required = true };
        var command = new Command("unpack", "Unpack a solution zip into the SolutionPackager source layout.") { zip, folder };
        command.SetAction(result => CommandRunner.Run(() =>
        {
            var package = SolutionZip.Read(result.GetValue(zip)!);
            SourceWriter.Write(package, result.GetValue(folder)!);
            Console.WriteLine($"Unpacked {package.UniqueName} {package.Version} ({package.Type}) to {result.GetValue(folder)}.");
            return CommandRunner.Success;
        }));
        return command;
    }
}
