using System;
using System.Diagnostics;
using System.IO;

namespace PeeringLint.Cli.Output;

/// <summary>
/// A one-line progress bar on standard error while many files are read: only on a terminal (nothing extra when
/// piped or redirected), only above <see cref="MinFiles"/> files, redrawn at most every 100 ms, erased at the end.
/// </summary>
internal sealed class ProgressBar : IProgress<int>, IDisposable
{
    public const int MinFiles = 300;

    private readonly TextWriter _w;
    private readonly int _total;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private long _lastDraw = -1000;
    private bool _drawn;

    private ProgressBar(TextWriter w, int total)
    {
        _w = w;
        _total = total;
    }

    /// <summary>A bar for <paramref name="total"/> files, or null when none should be shown.</summary>
    public static ProgressBar? Create(TextWriter error, int total, bool isTerminal) =>
        isTerminal && total > MinFiles ? new ProgressBar(error, total) : null;

    public void Report(int value)
    {
        lock (_gate)
        {
            long now = _clock.ElapsedMilliseconds;
            if (now - _lastDraw < 100 && value < _total)
            {
                return;
            }

            _lastDraw = now;
            const int Width = 30;
            int filled = (int)((long)Width * Math.Min(value, _total) / Math.Max(1, _total));
            _w.Write($"\rreading [{new string('#', filled)}{new string('.', Width - filled)}] {value}/{_total} files");
            _w.Flush();
            _drawn = true;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                _w.Write("\r" + new string(' ', 70) + "\r");
                _w.Flush();
            }
        }
    }
}
