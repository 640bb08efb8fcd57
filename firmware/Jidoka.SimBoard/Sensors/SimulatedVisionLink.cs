using System;
using Jidoka.Node.Hardware;
using Jidoka.SimBoard.Physics;
using Jidoka.SimBoard.Time;

namespace Jidoka.SimBoard.Sensors;

/// <summary>
/// The vision system and the UART link to the node: a frame every <see cref="FramePeriodUs"/> (at a
/// phase fixed per node), each score arriving <see cref="LatencyUs"/> after the frame; the board keeps
/// the newest and stamps it with its monotonic time on arrival, as the board's line parser does. During
/// a dropout no new scores arrive, so the last one ages and the core calls it stale. Scores received
/// before the last power-on are gone (they lived in RAM).
/// </summary>
public sealed class SimulatedVisionLink : IVisionSource
{
    /// <summary>Frames looked back over for the newest score, at most (bounds the work of one read after a long dropout).</summary>
    public const int LookbackFramesMax = 100_000;

    private readonly IBoardTime _time;
    private readonly object _sync = new();
    private VisionProfile _profile;
    private ulong _bootUs;
    private long _searchedUpTo = -1;
    private bool _has;
    private int _score;
    private ulong _arrivalUs;

    /// <summary>Creates the link.</summary>
    public SimulatedVisionLink(IBoardTime time, VisionProfile profile, ulong framePeriodUs, ulong phaseUs, ulong latencyUs)
    {
        if (framePeriodUs == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(framePeriodUs));
        }

        _time = time ?? throw new ArgumentNullException(nameof(time));
        _profile = profile ?? throw new ArgumentNullException(nameof(profile));
        FramePeriodUs = framePeriodUs;
        PhaseUs = phaseUs % framePeriodUs;
        LatencyUs = latencyUs;
    }

    /// <summary>Frame period, µs (33 333 for 30 frames/s).</summary>
    public ulong FramePeriodUs { get; }

    /// <summary>Time of frame 0, µs.</summary>
    public ulong PhaseUs { get; }

    /// <summary>Frame to arrival at the node, µs.</summary>
    public ulong LatencyUs { get; }

    /// <summary>What the vision system reports; replacing it affects frames not yet received.</summary>
    public VisionProfile Profile
    {
        get
        {
            lock (_sync)
            {
                return _profile;
            }
        }

        set
        {
            lock (_sync)
            {
                _profile = value ?? throw new ArgumentNullException(nameof(value));
            }
        }
    }

    /// <summary>Clears what the board held: called at power-on.</summary>
    public void PowerOn()
    {
        lock (_sync)
        {
            _bootUs = _time.PhysicalUs;
            _has = false;
            _searchedUpTo = -1;
        }
    }

    /// <inheritdoc/>
    public bool TryReadLatest(out int rawScore, out ulong producedMonoUs)
    {
        lock (_sync)
        {
            Advance(_time.PhysicalUs);
            rawScore = _score;
            producedMonoUs = _has ? _time.MonoAt(_arrivalUs) : 0;
            return _has;
        }
    }

    private void Advance(ulong nowUs)
    {
        if (nowUs < PhaseUs + LatencyUs)
        {
            return;
        }

        long newest = (long)((nowUs - PhaseUs - LatencyUs) / FramePeriodUs);
        long oldest = Math.Max(_searchedUpTo + 1, newest - LookbackFramesMax);
        for (long k = newest; k >= oldest; k--)
        {
            ulong produced = PhaseUs + ((ulong)k * FramePeriodUs);
            ulong arrival = produced + LatencyUs;
            if (arrival < _bootUs)
            {
                break;
            }

            if (_profile.TryScoreAt(produced, out int score))
            {
                _has = true;
                _score = score;
                _arrivalUs = arrival;
                break;
            }
        }

        _searchedUpTo = newest;
    }
}
