namespace AcmDr.Cli.Tests.Infrastructure;

/// <summary>Small inventories for tests.</summary>
public static class Inventories
{
    public const string Header = "app,tier,namespace,vm,cluster,rto_minutes,depends_on";

    /// <summary>The inventory of the worked example in the design notes: two DB VMs and a web VM.</summary>
    public const string Example = Header + "\n"
        + "db,1,finance,db-0,stretch-1,15,\n"
        + "db,1,finance,db-1,stretch-1,15,\n"
        + "web,2,web,web-0,stretch-1,30,db\n";
}
