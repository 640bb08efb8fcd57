using Jidoka.BoardConfigs.Loading;
using Jidoka.BoardConfigs.Validation;
using Xunit;

namespace Jidoka.BoardConfigs.Tests;

/// <summary>Structure: schema violations, the board id, the target facts file.</summary>
public sealed class FileCheckTests
{
    [Fact]
    public void Missing_required_section_is_a_schema_violation()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b.Remove("stopOutput"));
        BrokenBoard.AssertProblem(result, BoardProblemCode.SchemaViolation, "stopOutput");
    }

    [Fact]
    public void Unknown_property_is_a_schema_violation()
    {
        BoardLoadResult result = BrokenBoard.Load("simulated", b => b["resetButton"]!["debounceMs"] = 5);
        BrokenBoard.AssertProblem(result, BoardProblemCode.SchemaViolation, "/resetButton");
    }

    [Theory]
    [InlineData("GPIO04")]
    [InlineData("gpio4")]
    [InlineData("D9")]
    public void Pin_name_in_another_spelling_is_a_schema_violation(string pin)
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["andonOutput"]!["pin"] = pin);
        BrokenBoard.AssertProblem(result, BoardProblemCode.SchemaViolation, "/andonOutput/pin");
    }

    [Fact]
    public void Wifi_credentials_in_an_ethernet_board_are_a_schema_violation()
    {
        BoardLoadResult result = BrokenBoard.Load("nucleo-f767zi", b => b["network"]!["credentials"] = "stored-on-device");
        BrokenBoard.AssertProblem(result, BoardProblemCode.SchemaViolation, "/network");
    }

    [Fact]
    public void Unknown_response_class_is_a_schema_violation()
    {
        BoardLoadResult result = BrokenBoard.Load("simulated", b => b["defaultPolicy"]!["responses"]!["sensor-fault"] = "ignore");
        BrokenBoard.AssertProblem(result, BoardProblemCode.SchemaViolation, "/defaultPolicy/responses/sensor-fault");
    }

    [Fact]
    public void Board_id_must_match_the_file_name()
    {
        BoardLoadResult result = BrokenBoard.Load("simulated", _ => { }, fileName: "simulated-copy");
        BrokenBoard.AssertProblem(result, BoardProblemCode.BoardIdMismatch, "simulated-copy");
    }

    [Fact]
    public void Target_without_a_facts_file_is_rejected()
    {
        BoardLoadResult result = BrokenBoard.Load("esp32-devkitc", b => b["target"] = "ESP32_S3");
        BrokenBoard.AssertProblem(result, BoardProblemCode.UnknownTarget, "ESP32_S3");
    }

    [Fact]
    public void Unbroken_copy_loads_so_the_negative_tests_fail_for_their_own_reason()
    {
        foreach (string boardId in new[] { "esp32-devkitc", "nucleo-f767zi", "simulated" })
        {
            BoardLoadResult result = BrokenBoard.Load(boardId, _ => { });
            Assert.True(result.Succeeded, result.Describe());
        }
    }
}
