using System.Globalization;
using System.Text;

namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>A large valid inventory: ten VMs per app, five tiers in app order, all on one cluster, no dependencies.</summary>
public static class LargeInventory
{
    public static string Csv(int vms, string cluster)
    {
        var text = new StringBuilder(Inventories.Header).Append('\n');
        var apps = vms / 10;
        for (var a = 0; a < apps; a++)
        {
            var tier = 1 + (a * 5 / apps);
            for (var v = 0; v < 10; v++)
            {
                text.Append(CultureInfo.InvariantCulture, $"app-{a:D5},{tier},ns-{a % 8},app-{a:D5}-vm-{v},{cluster},{tier * 15},\n");
            }
        }

        return text.ToString();
    }
}
