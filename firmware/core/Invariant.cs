using System;

namespace Jidoka.Node
{
    /// <summary>
    /// Assertions that stay on in release builds, TigerBeetle style: a broken invariant is a bug, and
    /// the safe reaction on a node is to stop (an exception in the trip loop de-energizes the stop
    /// output and withholds the watchdog kick), not to carry on with corrupt state.
    /// </summary>
    public static class Invariant
    {
        /// <summary>Throws <see cref="InvalidOperationException"/> naming <paramref name="what"/> when <paramref name="condition"/> is false.</summary>
        public static void Require(bool condition, string what)
        {
            if (!condition)
            {
                throw new InvalidOperationException("invariant violated: " + what);
            }
        }
    }
}
