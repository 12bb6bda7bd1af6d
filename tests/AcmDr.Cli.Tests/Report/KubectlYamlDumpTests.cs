using System.Text;
using AcmDr.Cli.Report;
using AcmDr.Cli.Report.Dumps;
using FluentAssertions;

namespace AcmDr.Cli.Tests.Report;

/// <summary>Dumps as kubectl writes them: long strings folded at 80 columns, plain or single-quoted.</summary>
[TestClass]
public sealed class KubectlYamlDumpTests
{
    private const string Dump = """
        apiVersion: v1
        items:
        - apiVersion: policy.open-cluster-management.io/v1
          kind: Policy
          metadata:
            name: acmdr.dr-db
            namespace: stretch-1
          spec:
            disabled: false
          status:
            compliant: NonCompliant
            details:
            - compliant: NonCompliant
              history:
              - eventName: acmdr.dr-db.17a8c1c1d9b2f000
                lastTimestamp: "2026-11-25T19:05:00Z"
                message: NonCompliant; violation - virtualmachineinstances [db-0, db-1] found but
                  not as specified in namespace finance
              - eventName: acmdr.dr-db.17a8c1c1d9b2f001
                lastTimestamp: "2026-11-25T19:00:30Z"
                message: 'Pending; Dependencies were not satisfied: policyset dr-tier-1 is
                  NonCompliant, it''s waiting'
              templateMeta:
                creationTimestamp: null
                name: dr-db-running
        kind: List
        metadata:
          resourceVersion: ""
        """;

    private static List<DumpNode> History(string yaml)
    {
        var documents = DumpFiles.Parse("dump.yaml", Encoding.UTF8.GetBytes(yaml));
        return documents.Should().ContainSingle().Subject.Map!["items"].Items![0].Map!["status"].Map!["details"].Items![0].Map!["history"].Items!;
    }

    [TestMethod]
    public void Folded_plain_and_single_quoted_messages_read_as_the_one_line_kubectl_folded()
    {
        var history = History(Dump);

        history.Select(h => h.Map!["message"].Scalar).Should().Equal(
            "NonCompliant; violation - virtualmachineinstances [db-0, db-1] found but not as specified in namespace finance",
            "Pending; Dependencies were not satisfied: policyset dr-tier-1 is NonCompliant, it's waiting");
        history[0].Map!["lastTimestamp"].Scalar.Should().Be("2026-11-25T19:05:00Z");
    }

    [TestMethod]
    public void A_leading_comment_and_a_double_quoted_folded_line_read_the_same()
    {
        var quoted = Dump.Replace(
            "message: NonCompliant; violation - virtualmachineinstances [db-0, db-1] found but\n          not as specified in namespace finance",
            "message: \"NonCompliant; violation - virtualmachineinstances [db-0, db-1] found but\n          not as specified in namespace \\\n          finance\"",
            StringComparison.Ordinal);

        quoted.Should().NotBe(Dump, "the double-quoted form replaced the plain one");
        History("# kubectl get policies -A -o yaml\n" + quoted)[0].Map!["message"].Scalar
            .Should().Be("NonCompliant; violation - virtualmachineinstances [db-0, db-1] found but not as specified in namespace finance");
    }
}
