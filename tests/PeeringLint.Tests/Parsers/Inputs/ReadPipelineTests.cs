using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PeeringLint.Parsers.Inputs;
using Xunit;

namespace PeeringLint.Tests.Parsers.Inputs;

/// <summary>The loader's read pipeline: results in order, at most a window ahead, errors where they happened.</summary>
public sealed class ReadPipelineTests
{
    [Theory]
    [InlineData(0, 4, 2)]
    [InlineData(1, 4, 2)]
    [InlineData(100, 1, 1)]
    [InlineData(100, 3, 2)]
    [InlineData(257, 32, 4)]
    public void Results_come_in_order_whatever_the_workers_finish_first(int count, int window, int workers)
    {
        var random = new ThreadLocal<Random>(() => new Random(Environment.CurrentManagedThreadId));
        using var pipeline = new ReadPipeline<string>(count, window, workers, k =>
        {
            Thread.SpinWait(random.Value!.Next(0, 20_000)); // finish out of order
            return "item " + k;
        });
        var taken = Enumerable.Range(0, count).Select(pipeline.Take).ToList();
        Assert.Equal(Enumerable.Range(0, count).Select(k => "item " + k), taken);
    }

    [Fact]
    public void No_item_starts_a_window_or_more_ahead_of_the_one_handed_over()
    {
        const int Window = 4;
        int taken = 0;
        int worstLead = 0;
        var started = new List<int>();
        using var pipeline = new ReadPipeline<int>(64, Window, 4, k =>
        {
            lock (started)
            {
                started.Add(k);
                worstLead = Math.Max(worstLead, k - Volatile.Read(ref taken));
            }

            return k;
        });
        for (int k = 0; k < 64; k++)
        {
            Assert.Equal(k, pipeline.Take(k));
            Volatile.Write(ref taken, k + 1);
            Thread.Sleep(k % 8 == 0 ? 5 : 0); // let the workers run ahead as far as they may
        }

        // The pipeline counts an item as handed over inside Take, this test just after it returns: one behind at most.
        Assert.Equal(64, started.Count);
        Assert.InRange(worstLead, 0, Window);
    }

    [Fact]
    public void An_exception_is_thrown_by_the_take_of_its_item_and_the_others_still_arrive()
    {
        using var pipeline = new ReadPipeline<int>(10, 4, 2, k => k == 3 ? throw new InvalidOperationException("bad item 3") : k);
        Assert.Equal(new[] { 0, 1, 2 }, new[] { pipeline.Take(0), pipeline.Take(1), pipeline.Take(2) });
        var ex = Assert.Throws<InvalidOperationException>(() => pipeline.Take(3));
        Assert.Equal("bad item 3", ex.Message);
        Assert.Equal(Enumerable.Range(4, 6), Enumerable.Range(4, 6).Select(pipeline.Take));
    }

    [Fact]
    public void Disposing_before_every_item_is_taken_stops_the_workers()
    {
        int read = 0;
        var pipeline = new ReadPipeline<int>(1000, 2, 2, k =>
        {
            Interlocked.Increment(ref read);
            return k;
        });
        Assert.Equal(0, pipeline.Take(0));
        pipeline.Dispose(); // returns only when the workers have stopped
        int after = Volatile.Read(ref read);
        Thread.Sleep(20);
        Assert.Equal(after, Volatile.Read(ref read));
        Assert.InRange(after, 1, 4);
    }
}
