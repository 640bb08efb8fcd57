namespace Jidoka.BoardConfigs.Conversion;

/// <summary>A nanoFramework board app and the board file it is built for.</summary>
/// <param name="BoardId">The board file's id (board-configs/&lt;id&gt;.json).</param>
/// <param name="Folder">The app's folder, relative to the repository root, with '/' separators.</param>
/// <param name="Namespace">The app's namespace, where its generated <c>BoardFile</c> class lives.</param>
public sealed record BoardApp(string BoardId, string Folder, string Namespace)
{
    /// <summary>File name of the generated board file in the app's folder.</summary>
    public const string GeneratedFileName = "BoardFile.g.cs";

    /// <summary>The board apps in firmware/boards (the simulated board has no app: the simulator runs the core on .NET).</summary>
    public static readonly BoardApp[] All =
    [
        new("esp32-devkitc", "firmware/boards/Esp32DevKitC", "Jidoka.Boards.Esp32DevKitC"),
        new("nucleo-f767zi", "firmware/boards/NucleoF767zi", "Jidoka.Boards.NucleoF767zi"),
        new("stm32f769i-disco", "firmware/boards/Stm32F769iDisco", "Jidoka.Boards.Stm32F769iDisco"),
    ];

    /// <summary>The generated file's path relative to the repository root.</summary>
    public string GeneratedFile => Folder + "/" + GeneratedFileName;
}
