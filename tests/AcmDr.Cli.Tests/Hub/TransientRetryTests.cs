using System.Net;
using System.Net.Http.Headers;
using AcmDr.Cli.Hub;
using FluentAssertions;
using k8s.Autorest;

namespace AcmDr.Cli.Tests.Hub;

/// <summary>The pause before the next attempt: the server's Retry-After where it may send one, bounded; else doubling backoff.</summary>
[TestClass]
public sealed class TransientRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private sealed class FixedClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static HttpOperationException Answer(HttpStatusCode status, RetryConditionHeaderValue? retryAfter)
    {
        using var response = new HttpResponseMessage(status);
        response.Headers.RetryAfter = retryAfter;
        return new HttpOperationException($"answered {(int)status}") { Response = new HttpResponseMessageWrapper(response, string.Empty) };
    }

    private static TimeSpan Pause(Exception ex, int attempt = 1) =>
        TransientRetry.PauseAfter(ex, attempt, TimeSpan.FromMilliseconds(250), new FixedClock());

    [TestMethod]
    [DataRow(HttpStatusCode.TooManyRequests)]
    [DataRow(HttpStatusCode.ServiceUnavailable)]
    public void Retry_after_in_seconds_is_honoured(HttpStatusCode status) =>
        Pause(Answer(status, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))).Should().Be(TimeSpan.FromSeconds(7));

    [TestMethod]
    public void Retry_after_as_a_date_waits_until_then() =>
        Pause(Answer(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(Now.AddSeconds(12)))).Should().Be(TimeSpan.FromSeconds(12));

    [TestMethod]
    public void Retry_after_in_the_past_retries_at_once() =>
        Pause(Answer(HttpStatusCode.ServiceUnavailable, new RetryConditionHeaderValue(Now.AddMinutes(-5)))).Should().Be(TimeSpan.Zero);

    [TestMethod]
    public void A_long_retry_after_is_cut_to_30s() =>
        Pause(Answer(HttpStatusCode.TooManyRequests, new RetryConditionHeaderValue(TimeSpan.FromDays(1)))).Should().Be(TimeSpan.FromSeconds(30));

    [TestMethod]
    public void Retry_after_on_a_500_is_not_taken() =>
        Pause(Answer(HttpStatusCode.InternalServerError, new RetryConditionHeaderValue(TimeSpan.FromSeconds(7))), attempt: 3).Should().Be(TimeSpan.FromSeconds(1));

    [TestMethod]
    [DataRow(1, 250)]
    [DataRow(2, 500)]
    [DataRow(5, 4000)]
    [DataRow(40, 30000)]
    public void Without_retry_after_the_backoff_doubles_up_to_30s(int attempt, int milliseconds) =>
        Pause(new HttpRequestException("connection reset"), attempt).Should().Be(TimeSpan.FromMilliseconds(milliseconds));
}
