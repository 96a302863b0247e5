namespace Crm.Extensions.Cli.Packaging;

public enum PackageType
{
    Unmanaged,
    Managed,
}
