using AcmDr.Cli.Hub;
using k8s.Autorest;

namespace AcmDr.Cli.Cluster;

/// <summary>
/// Every page of one LIST (limit/continue), each page one request under the port's retry. A continue
/// token the server no longer knows (410 Expired: its snapshot was compacted) starts the list again
/// from the first page, twice at most. The one paging loop of every cluster port.
/// </summary>
internal static class PagedList
{
    /// <param name="page">Reads one page from the continue token (null: the first) and returns its items and the next token (null or empty: the last page).</param>
    public static async Task<IReadOnlyList<T>> ReadAsync<T>(
        TransientRetry retry, string what, Func<string?, CancellationToken, Task<(IReadOnlyList<T> Items, string? Continue)>> page, CancellationToken cancel)
    {
        for (var restarts = 0; ; restarts++)
        {
            var all = new List<T>();
            string? next = null;
            try
            {
                do
                {
                    var (items, more) = await retry.RunAsync(what, token => page(next, token), cancel);
                    all.AddRange(items);
                    next = string.IsNullOrEmpty(more) ? null : more;
                }
                while (next is not null);
                return all;
            }
            catch (HttpOperationException ex) when (next is not null && restarts < 2 && ex.Response.StatusCode == System.Net.HttpStatusCode.Gone)
            {
                // Read again from the first page.
            }
        }
    }
}
