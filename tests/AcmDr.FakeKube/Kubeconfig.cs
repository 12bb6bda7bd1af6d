namespace AcmDr.FakeKube;

/// <summary>Renders a kubeconfig pointing at the fake server over plain http with a bearer token.</summary>
internal static class Kubeconfig
{
    public const string Token = "fake-token";

    public static string Render(Uri server, string context, string user) => $$"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {{context}}
          cluster:
            server: {{server.GetLeftPart(UriPartial.Authority)}}
        contexts:
        - name: {{context}}
          context:
            cluster: {{context}}
            user: {{user}}
            namespace: default
        current-context: {{context}}
        users:
        - name: {{user}}
          user:
            token: {{Token}}
        preferences: {}

        """;
}
