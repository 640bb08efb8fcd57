using System;

namespace Jidoka.SimBoard.Physics;

/// <summary>
/// The force acting on one node's load cell: a profile that a test or scenario can replace at any time
/// (the sensors sample whatever is current). Thread-safe, so a real-time run can change it while the
/// node's loop samples it.
/// </summary>
public sealed class ForceInput
{
    private ForceProfile _profile = ForceProfile.Zero;

    /// <summary>The profile in force.</summary>
    public ForceProfile Profile
    {
        get => System.Threading.Volatile.Read(ref _profile);
        set => System.Threading.Volatile.Write(ref _profile, value ?? throw new ArgumentNullException(nameof(value)));
    }

    /// <summary>Force at simulation time <paramref name="us"/>, mN.</summary>
    public double MilliNewtonsAt(ulong us) => Profile.MilliNewtonsAt(us);
}
