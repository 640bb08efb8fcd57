using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Jidoka.BoardConfigs.Loading;
using Jidoka.Protocol;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>
/// Every board file in board-configs/ (ESPHome's habit: configuration is data, and every file is
/// checked). A new board file joins these tests by being added to the directory.
/// </summary>
public sealed class BoardFileTests
{
    public static TheoryData<string> BoardIds()
    {
        var data = new TheoryData<string>();
        foreach (string path in Repository.Loader.BoardFiles())
        {
            data.Add(Path.GetFileNameWithoutExtension(path));
        }

        return data;
    }

    [Fact]
    public void The_three_boards_of_issue_6_are_present()
    {
        string[] ids = Repository.Loader.BoardFiles().Select(Path.GetFileNameWithoutExtension).ToArray()!;
        Assert.Contains("esp32-devkitc", ids);
        Assert.Contains("nucleo-f767zi", ids);
        Assert.Contains("simulated", ids);
        Assert.Contains("stm32f769i-disco", ids);
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void Board_file_is_valid_against_the_schema(string boardId)
    {
        var schema = new SchemaCheck(Path.Combine(Repository.BoardConfigsDirectory(), "schema.json"));
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Repository.BoardFile(boardId)));
        Assert.Empty(schema.Violations(document.RootElement));
    }

    [Fact]
    public void Every_target_facts_file_is_valid_against_its_schema()
    {
        string targets = Path.Combine(Repository.BoardConfigsDirectory(), "targets");
        var schema = new SchemaCheck(Path.Combine(targets, "schema.json"));
        string[] files = Directory.GetFiles(targets, "*.json").Where(p => Path.GetFileName(p) != "schema.json").ToArray();
        Assert.NotEmpty(files);
        foreach (string file in files)
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(file));
            Assert.True(schema.Violations(document.RootElement).Count == 0, $"{file}: {string.Join("; ", schema.Violations(document.RootElement))}");
        }
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void Board_file_passes_every_check_and_loads_into_the_typed_model(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(boardId, result.Definition.Board.BoardId);
        Assert.Equal(System.Enum.GetValues<BoardRole>().Length, result.Definition.Pins.Count);
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void No_pin_is_used_twice(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        IEnumerable<string> duplicated = result.Definition.Pins.GroupBy(p => p.Pin).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicated);
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void No_pin_is_one_the_target_reserves_or_constrains(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        BoardDefinition board = result.Definition;
        var reserved = board.Facts.Reserved.Where(r => r.AppliesTo(board.Board.Network.Kind)).Select(r => r.Pin).ToHashSet();
        var strapping = board.Facts.Strapping.Select(s => s.Pin).ToHashSet();
        var inputOnly = board.Facts.InputOnly.Select(s => s.Pin).ToHashSet();
        foreach (PinAssignment pin in board.Pins)
        {
            Assert.DoesNotContain(pin.Pin, reserved);
            Assert.DoesNotContain(pin.Pin, strapping);
            if (pin.Direction == PinDirection.Output)
            {
                Assert.DoesNotContain(pin.Pin, inputOnly);
            }
        }
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void Default_limits_are_a_valid_policy_and_default_calibrations_are_valid(string boardId)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        PolicyRecord policy = result.Definition.ToPolicyRecord();
        Assert.Equal(PolicyProblem.None, policy.Validate());
        Assert.Equal(ResponseClass.Regrip, policy.ResponseFor(TripRule.ForceOverLimit));
        Assert.Equal(CalibrationProblem.None, result.Definition.ToForceCalibration().Validate());
        Assert.Equal(CalibrationProblem.None, result.Definition.ToVisionCalibration().Validate());
    }

    [Theory]
    [MemberData(nameof(BoardIds))]
    public void Nominal_force_calibration_puts_the_ends_of_the_ADC_scale_outside_the_plausible_range(string boardId)
    {
        // An open amplifier input (0 counts) or a saturated ADC (full scale) must read as a sensor fault,
        // not as a plausible force.
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        PolicyRecord policy = result.Definition.ToPolicyRecord();
        CalibrationRecord force = result.Definition.ToForceCalibration();
        int fullScale = (1 << result.Definition.Board.ForceAdc.ResolutionBits) - 1;
        Assert.True(force.ToUnits(fullScale) > policy.ForceRangeMaxMilliNewtons, "a saturated ADC would read as a plausible force");
        Assert.True(force.ToUnits(0) <= policy.ForceRangeMinMilliNewtons || force.ToUnits(0) >= 0, "zero counts reads as a negative but plausible force");
        Assert.True(policy.ForceLimitMilliNewtons < force.ToUnits(fullScale), "the limit cannot be reached before the ADC saturates");
    }

    [Theory]
    [InlineData("esp32-devkitc", "ESP32_REV3", BoardRole.StopOutput, 4)]
    [InlineData("esp32-devkitc", "ESP32_REV3", BoardRole.ForceAdcInput, 34)]
    [InlineData("nucleo-f767zi", "ST_NUCLEO144_F767ZI", BoardRole.StopOutput, (3 * 16) + 15)]
    [InlineData("nucleo-f767zi", "ST_NUCLEO144_F767ZI", BoardRole.Hx711PdSck, (1 * 16) + 5)]
    [InlineData("stm32f769i-disco", "ST_STM32F769I_DISCOVERY", BoardRole.StopOutput, (7 * 16) + 6)]
    [InlineData("stm32f769i-disco", "ST_STM32F769I_DISCOVERY", BoardRole.Hx711PdSck, (1 * 16) + 15)]
    [InlineData("simulated", "SIMULATED", BoardRole.StopOutput, 10)]
    public void Pins_resolve_to_the_numbers_nanoFramework_uses(string boardId, string target, BoardRole role, int number)
    {
        BoardLoadResult result = Repository.Loader.Load(Repository.BoardFile(boardId));
        Assert.True(result.Succeeded, result.Describe());
        Assert.Equal(target, result.Definition.Board.Target);
        Assert.Equal(number, result.Definition.NanoFrameworkPinNumber(role));
    }
}
