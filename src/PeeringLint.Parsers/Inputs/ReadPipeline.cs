using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace PeeringLint.Parsers.Inputs;

/// <summary>
/// Runs <c>read(k)</c> for k = 0 … count−1 on <c>workers</c> threads and hands the results over in order
/// (<see cref="Take"/>). A worker starts item k only when fewer than <c>window</c> items before it are waiting to be
/// taken, so at most a window of results is alive at once. Items are claimed in increasing order, so the lowest item
/// not yet read is always in some worker's hands or next to be claimed: <see cref="Take"/> cannot wait forever. An
/// exception in <c>read</c> is thrown again by <see cref="Take"/> of that item; disposing stops the workers.
/// </summary>
internal sealed class ReadPipeline<T> : IDisposable
{
    private readonly int _count;
    private readonly int _window;
    private readonly Func<int, Box> _read;
    private readonly Box?[] _done;
    private readonly object _gate = new();
    private readonly Task[] _workers;
    private int _next = -1;
    private int _taken;
    private bool _stopped;

    public ReadPipeline(int count, int window, int workers, Func<int, T> read)
    {
        _count = count;
        _window = Math.Max(1, window);
        _read = k =>
        {
            try
            {
                return new Box(read(k), null);
            }
            catch (Exception ex)
            {
                return new Box(default, ExceptionDispatchInfo.Capture(ex));
            }
        };
        _done = new Box?[count];
        int n = Math.Max(1, Math.Min(workers, count));
        _workers = new Task[count == 0 ? 0 : n];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>The result of item <paramref name="k"/>, waiting for it; items must be taken in order, each once.</summary>
    public T Take(int k)
    {
        Box box;
        lock (_gate)
        {
            while (_done[k] is null)
            {
                Monitor.Wait(_gate);
            }

            box = _done[k]!;
            _done[k] = null;
            _taken = k + 1;
            Monitor.PulseAll(_gate);
        }

        box.Error?.Throw();
        return box.Result!;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
            Monitor.PulseAll(_gate);
        }

        Task.WaitAll(_workers);
    }

    private void Work()
    {
        while (true)
        {
            int k = Interlocked.Increment(ref _next);
            if (k >= _count)
            {
                return;
            }

            lock (_gate)
            {
                while (!_stopped && k - _taken >= _window)
                {
                    Monitor.Wait(_gate);
                }

                if (_stopped)
                {
                    return;
                }
            }

            var box = _read(k);
            lock (_gate)
            {
                _done[k] = box;
                Monitor.PulseAll(_gate);
            }
        }
    }

    /// <summary>A result or the exception that took its place.</summary>
    private sealed record Box(T? Result, ExceptionDispatchInfo? Error);
}
