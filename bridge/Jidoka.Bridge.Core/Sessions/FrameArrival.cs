namespace Jidoka.Bridge.Sessions;

/// <summary>How a frame's sequence number relates to what the node's session has seen.</summary>
public enum FrameArrival
{
    /// <summary>The first frame seen in this boot.</summary>
    First = 1,

    /// <summary>The next frame in sequence.</summary>
    InOrder = 2,

    /// <summary>Ahead of the next expected: the frames in between are missing (for now).</summary>
    AfterGap = 3,

    /// <summary>Late, but inside the reorder window: it fills its gap, nothing was lost.</summary>
    Reordered = 4,

    /// <summary>Late, after its gap had been declared lost: it recovers a lost frame (typically replayed).</summary>
    Recovered = 5,

    /// <summary>Already received.</summary>
    Duplicate = 6,
}
