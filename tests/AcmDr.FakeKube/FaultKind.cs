namespace AcmDr.FakeKube;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answer with <see cref="FaultRule.StatusCode"/> and a Status body; the request is not handled.</summary>
    RespondWithStatus,

    /// <summary>Wait <see cref="FaultRule.Delay"/>, then handle the request normally.</summary>
    Delay,

    /// <summary>Abort the connection without handling the request or answering.</summary>
    DropBeforeHandling,

    /// <summary>Handle the request (a write is applied), then abort the connection without answering.</summary>
    DropAfterHandling,

    /// <summary>Run <see cref="FaultRule.Callback"/> against the store, then handle the request normally.</summary>
    RunBeforeHandling,

    /// <summary>Accept the request and never answer (until the client gives up or the server stops): a hung API server.</summary>
    Hang,
}
