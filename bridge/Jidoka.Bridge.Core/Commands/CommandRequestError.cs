namespace Jidoka.Bridge.Commands;

/// <summary>Why the bridge refused to send a command (before any node saw it).</summary>
public enum CommandRequestError
{
    /// <summary>Not refused: the command was stored, audited and published.</summary>
    None = 0,

    /// <summary>The bridge has never heard from this node.</summary>
    UnknownNode = 1,

    /// <summary>The node is offline (its last status is the offline last will, or it has been silent).</summary>
    NodeOffline = 2,

    /// <summary>A state-changing command needs an operator id and none was given.</summary>
    MissingOperator = 3,

    /// <summary>The operator id breaks the id rules (1-32 of letters, digits, '-', '_', '.', '@').</summary>
    InvalidOperator = 4,

    /// <summary>The policy failed PolicyRecord.Validate; the detail is the PolicyProblem.</summary>
    InvalidPolicy = 5,

    /// <summary>A different policy with the same id is already stored: every change needs a new id.</summary>
    PolicyIdConflict = 6,

    /// <summary>The calibration failed CalibrationRecord.Validate; the detail is the CalibrationProblem.</summary>
    InvalidCalibration = 7,

    /// <summary>A different calibration with the same channel, id and version is already stored.</summary>
    CalibrationConflict = 8,

    /// <summary>The bridge is not connected to the broker; the command was not sent.</summary>
    NotConnected = 9,
}
