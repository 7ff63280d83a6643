using System.Collections.Concurrent;
using System.Net;
using CommerceDesk.Tests.Support;

namespace CommerceDesk.Tests.Webhooks;

/// <summary>A real HTTP endpoint on loopback that records every POST and answers with the statuses it is told, in order (then 200).</summary>
public sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    public sealed record Received(byte[] Body, string? Signature, string? EventId, string? EventType, string? ContentType);

    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private readonly Task _loop;

    public LoopbackWebhookReceiver(params int[] answers)
    {
        foreach (var answer in answers) _answers.Enqueue(answer);
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hooks/order-status/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (!_listener.IsListening) { return; }
            catch (HttpListenerException) { return; }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers;
            Requests.Enqueue(new Received(body.ToArray(), headers["X-CommerceDesk-Signature"], headers["X-CommerceDesk-Event-Id"],
                headers["X-CommerceDesk-Event"], context.Request.ContentType));
            context.Response.StatusCode = _answers.TryDequeue(out var status) ? status : 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
