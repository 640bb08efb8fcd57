namespace Jidoka.Boards.Logic.Profile
{
    /// <summary>The board apps' firmware version, reported in status as "fw".</summary>
    public static class FirmwareInfo
    {
        /// <summary>Semantic version of the board apps; bump with every release flashed to a node.</summary>
        public const string Version = "0.1.0";
    }
}
