using System;
using System.Threading;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Nodes;

/// <summary>
/// Fault injection on the CPU: the force driver as the core sees it, with the faults injected at the start
/// of the step's first read: stalls (time charged to the board's CPU, so the core sees the overrun) and
/// hangs (see <see cref="SimulatedNode.HangLoop"/>).
/// </summary>
internal sealed class LoopFaultSource : IForceSource
{
    private readonly SimulatedNode _node;
    private readonly IForceSource _driver;
    private readonly IBoardTime _time;
    private readonly object _sync = new();
    private readonly ManualResetEventSlim _release = new(true);
    private ulong _stallUs;
    private int _stallSteps;

    public LoopFaultSource(SimulatedNode node, IForceSource driver, IBoardTime time)
    {
        _node = node;
        _driver = driver;
        _time = time;
    }

    public SensorReadStatus TryReadCounts(out int counts)
    {
        _node.OnStepRead();
        ulong stall = 0;
        lock (_sync)
        {
            if (_stallSteps > 0)
            {
                _stallSteps--;
                stall = _stallUs;
            }
        }

        if (stall > 0)
        {
            _time.Consume(stall);
        }

        return _driver.TryReadCounts(out counts);
    }

    public void SetStall(ulong stallUs, int steps)
    {
        lock (_sync)
        {
            _stallUs = stallUs;
            _stallSteps = steps;
        }
    }

    public void Reset()
    {
        SetStall(0, 0);
        _release.Set();
    }

    public void WaitWhileHung()
    {
        _release.Reset();
        while (_node.LoopHung && !_release.IsSet)
        {
            _release.Wait(TimeSpan.FromMilliseconds(50));
        }
    }

    public void ReleaseHang() => _release.Set();
}
