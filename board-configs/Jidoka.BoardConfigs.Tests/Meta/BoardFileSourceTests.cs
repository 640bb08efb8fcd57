using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Jidoka.BoardConfigs.Conversion;
using Jidoka.BoardConfigs.Loading;
using Jidoka.Boards.Logic.Profile;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// The board apps compile their board file in (firmware/boards/&lt;App&gt;/BoardFile.g.cs). It must be
/// exactly what <see cref="BoardFileSource"/> generates from the JSON, and what it builds must equal
/// <see cref="BoardProfiles.From"/>. Regenerate with
/// <c>JIDOKA_UPDATE_BOARD_FILES=1 dotnet test board-configs/Jidoka.BoardConfigs.Tests</c>.
/// </summary>
[Trait("Category", "Meta")]
public sealed class BoardFileSourceTests
{
    public static TheoryData<string> AppBoardIds()
    {
        var data = new TheoryData<string>();
        foreach (BoardApp app in BoardApp.All)
        {
            data.Add(app.BoardId);
        }

        return data;
    }

    private static BoardDefinition Load(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        return result.Definition;
    }

    private static BoardApp App(string boardId) => BoardApp.All.Single(a => a.BoardId == boardId);

    [Theory]
    [MemberData(nameof(AppBoardIds))]
    public void Generated_board_file_matches_the_board_file(string boardId)
    {
        BoardApp app = App(boardId);
        string expected = BoardFileSource.Generate(Load(boardId), app);
        string path = Path.Combine(Repository.Root(), app.GeneratedFile.Replace('/', Path.DirectorySeparatorChar));
        if (Environment.GetEnvironmentVariable(BoardFileSource.UpdateVariable) == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), $"{app.GeneratedFile} is missing; generate it with {BoardFileSource.UpdateVariable}=1 dotnet test board-configs/Jidoka.BoardConfigs.Tests");
        string actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(
            actual == expected,
            $"{app.GeneratedFile} disagrees with board-configs/{boardId}.json; regenerate with {BoardFileSource.UpdateVariable}=1 dotnet test board-configs/Jidoka.BoardConfigs.Tests and commit both");
    }

    [Theory]
    [MemberData(nameof(AppBoardIds))]
    public void Generated_board_file_builds_the_same_profile_as_the_host_conversion(string boardId)
    {
        BoardProfile compiled = boardId switch
        {
            "esp32-devkitc" => Jidoka.Boards.Esp32DevKitC.BoardFile.Create(),
            "nucleo-f767zi" => Jidoka.Boards.NucleoF767zi.BoardFile.Create(),
            "stm32f769i-disco" => Jidoka.Boards.Stm32F769iDisco.BoardFile.Create(),
            _ => throw new InvalidOperationException($"no compiled board file for {boardId}: add it to this switch and to the test project"),
        };

        compiled.Validate();
        Assert.Equal(Describe(BoardProfiles.From(Load(boardId))), Describe(compiled));
    }

    [Fact]
    public void Every_board_app_names_an_existing_board_file_and_folder()
    {
        Assert.NotEmpty(BoardApp.All);
        foreach (BoardApp app in BoardApp.All)
        {
            Assert.True(File.Exists(Repository.BoardFile(app.BoardId)), app.BoardId);
            Assert.True(Directory.Exists(Path.Combine(Repository.Root(), app.Folder)), app.Folder);
        }
    }

    [Fact]
    public void A_changed_board_file_changes_the_generated_source()
    {
        BoardDefinition board = Load("esp32-devkitc");
        string original = BoardFileSource.Generate(board, App("esp32-devkitc"));
        Assert.Contains("p.StopOutput = new OutputPinProfile(4, true);", original, StringComparison.Ordinal);
        Assert.Contains("p.StorageRoot = \"I:\\\\\";", original, StringComparison.Ordinal);
        Assert.Contains("// Stop output (run permit, de-energize to trip): GPIO4, J3 pin 13 (IO4)", original, StringComparison.Ordinal);
    }

    /// <summary>Every field of a profile, one per line, so a mismatch names the field.</summary>
    internal static string Describe(BoardProfile p)
    {
        var lines = new List<string>
        {
            $"BoardId={p.BoardId}",
            $"Target={p.Target}",
        };
        for (int i = 0; i < p.InterlockChannels.Length; i++)
        {
            lines.Add($"Interlock[{i}]={Input(p.InterlockChannels[i])}");
        }

        lines.Add($"ResetButton={Input(p.ResetButton!)}");
        lines.Add($"StopOutput={p.StopOutput!.PinNumber},{p.StopOutput.ActiveHigh}");
        lines.Add($"AndonOutput={p.AndonOutput!.PinNumber},{p.AndonOutput.ActiveHigh}");
        lines.Add($"Watchdog={p.WatchdogKickPin},{p.WatchdogTimeoutMs}");
        Hx711Profile h = p.Hx711!;
        lines.Add($"Hx711={h.SpiBusId},{h.PdSckPin},{h.DoutPin},{h.SpiClockPin},{h.ClockFrequencyHz},{h.DataRateSamplesPerSecond},{h.Gain}");
        lines.Add($"ForceAdc={p.ForceAdc!.Channel},{p.ForceAdc.InputPin},{p.ForceAdc.ResolutionBits},{p.ForceAdc.SampleRateHz}");
        lines.Add($"ForceSource={p.ForceSource}");
        VisionUartProfile v = p.VisionLink;
        lines.Add($"Vision={v.PortName},{v.RxPin},{v.TxPin},{v.BaudRate},{v.DataBits},{v.Parity},{v.StopBits}");
        lines.Add($"Network={p.Network}");
        lines.Add($"Storage={p.StorageRoot},{p.StorageInStockFirmware}");
        var policy = new byte[PolicyRecord.SizeBytes];
        p.DefaultPolicy.Write(policy, 0);
        lines.Add($"Policy={Convert.ToHexString(policy)}");
        lines.Add($"ForceCalibration={Calibration(p.DefaultForceCalibration)}");
        lines.Add($"VisionCalibration={Calibration(p.DefaultVisionCalibration)}");
        return string.Join("\n", lines);
    }

    private static string Input(InputPinProfile pin) => $"{pin.PinNumber},{pin.ActiveHigh},{pin.Pull}";

    private static string Calibration(CalibrationRecord c)
    {
        var bytes = new byte[CalibrationRecord.SizeBytes];
        c.Write(bytes, 0);
        return Convert.ToHexString(bytes);
    }
}
